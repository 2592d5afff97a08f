// The five-field cron syntax of robfig/cron's ParseStandard, written from its documented grammar:
// each field a comma list of `*`, `?`, N or N-M, each optionally `/STEP`; months and weekdays may be
// written as names (JAN, MON).
#include "rules/validation/cron_schedule.hpp"

#include <array>
#include <cctype>
#include <vector>

namespace chartproof::rules::validation {
namespace {

struct Bounds {
  std::string_view name;
  int min, max;
  std::array<std::string_view, 12> names;  // names[i] is min + i (empty when the field has none)
};

constexpr std::array<Bounds, 5> kFields = {{
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day of month", 1, 31, {}},
    {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day of week", 0, 6, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
}};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::optional<int> number(std::string_view text, const Bounds& b) {
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < b.names.size(); ++i) {
    if (!b.names[i].empty() && lower == b.names[i]) return b.min + static_cast<int>(i);
  }
  if (text.empty() || text.size() > 9) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<std::string> range_error(std::string_view expr, const Bounds& b) {
  auto parts = split(expr, '/');
  if (parts.size() > 2) return "too many slashes: " + std::string(expr);
  auto ends = split(parts[0], '-');
  int lo = b.min, hi = b.max;
  if (parts[0] == "*" || parts[0] == "?") {
    if (ends.size() != 1) return "failed to parse int from " + std::string(parts[0]);
  } else {
    if (ends.size() > 2) return "too many hyphens: " + std::string(expr);
    auto a = number(ends[0], b);
    if (!a) return "failed to parse int from " + std::string(ends[0]);
    lo = hi = *a;
    if (ends.size() == 2) {
      auto z = number(ends[1], b);
      if (!z) return "failed to parse int from " + std::string(ends[1]);
      hi = *z;
    }
  }
  if (parts.size() == 2) {
    auto step = number(parts[1], Bounds{});
    if (!step) return "failed to parse int from " + std::string(parts[1]);
    if (*step == 0) return "step of range should be a positive number: " + std::string(expr);
  }
  if (lo < b.min)
    return "beginning of range (" + std::to_string(lo) + ") below minimum (" + std::to_string(b.min) +
           "): " + std::string(expr);
  if (hi > b.max)
    return "end of range (" + std::to_string(hi) + ") above maximum (" + std::to_string(b.max) +
           "): " + std::string(expr);
  if (lo > hi)
    return "beginning of range (" + std::to_string(lo) + ") beyond end of range (" + std::to_string(hi) +
           "): " + std::string(expr);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> cron_schedule_error(std::string_view schedule) {
  if (schedule.find("TZ") != std::string_view::npos) {
    return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
  }
  std::vector<std::string_view> fields;
  for (std::size_t i = 0; i < schedule.size();) {
    while (i < schedule.size() && std::isspace(static_cast<unsigned char>(schedule[i])) != 0) ++i;
    std::size_t start = i;
    while (i < schedule.size() && std::isspace(static_cast<unsigned char>(schedule[i])) == 0) ++i;
    if (i > start) fields.push_back(schedule.substr(start, i - start));
  }
  if (fields.empty()) return "empty spec string";
  if (fields[0].starts_with("@")) {
    static constexpr std::array<std::string_view, 7> kDescriptors = {"@yearly", "@annually", "@monthly", "@weekly",
                                                                     "@daily",  "@midnight", "@hourly"};
    for (auto d : kDescriptors) {
      if (fields[0] == d && fields.size() == 1) return std::nullopt;
    }
    if (fields[0] == "@every" && fields.size() == 2) return std::nullopt;  // a Go duration; not judged here
    return "unrecognized descriptor: " + std::string(schedule);
  }
  if (fields.size() != 5) {
    return "expected exactly 5 fields, found " + std::to_string(fields.size()) + ": [" + std::string(schedule) + "]";
  }
  for (std::size_t f = 0; f < 5; ++f) {
    for (auto expr : split(fields[f], ',')) {
      if (auto e = range_error(expr, kFields[f])) return "invalid " + std::string(kFields[f].name) + " field: " + *e;
    }
  }
  return std::nullopt;
}

}  // namespace chartproof::rules::validation
