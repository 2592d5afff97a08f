// Round trips (round_trip.hpp): which defines a `toYaml` line writes back, their key lines, and the
// one a finding's field path names.
#include "chart/round_trip.hpp"

#include <algorithm>

namespace chartproof::chart {
namespace {

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The names of `include "N"` calls in a line.
void included_names(std::string_view line, std::vector<std::string>& out) {
  constexpr std::string_view kInclude = "include \"";
  for (std::size_t at = line.find(kInclude); at != std::string_view::npos; at = line.find(kInclude, at + 1)) {
    const std::size_t begin = at + kInclude.size();
    const std::size_t end = line.find('"', begin);
    if (end == std::string_view::npos) break;
    std::string name(line.substr(begin, end - begin));
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
}

// The variables a line reads (`$pod`, `$x.spec`), without `$` alone (the root context).
std::vector<std::string_view> variables(std::string_view line) {
  std::vector<std::string_view> out;
  for (std::size_t at = line.find('$'); at != std::string_view::npos; at = line.find('$', at + 1)) {
    std::size_t end = at + 1;
    while (end < line.size() && identifier_char(line[end])) ++end;
    if (end > at + 1) out.push_back(line.substr(at, end - at));
  }
  return out;
}

// Whether `line` assigns `variable` (`$x := …` or `$x = …`).
bool assigns(std::string_view line, std::string_view variable) {
  for (std::size_t at = line.find(variable); at != std::string_view::npos; at = line.find(variable, at + 1)) {
    std::size_t i = at + variable.size();
    if (i < line.size() && identifier_char(line[i])) continue;
    while (i < line.size() && line[i] == ' ') ++i;
    if (line.substr(i, 2) == ":=" || (line.substr(i, 1) == "=" && line.substr(i, 2) != "==")) return true;
  }
  return false;
}

std::string_view without_carriage_return(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::vector<std::uint32_t> assignments_read(const std::vector<std::string_view>& lines, std::uint32_t line) {
  std::vector<std::uint32_t> out;
  if (line == 0 || line > lines.size()) return out;
  for (const std::string_view variable : variables(lines[line - 1])) {
    // The nearest assignment above: what the variable holds when this line reads it.
    for (std::uint32_t above = line - 1; above-- > 0;) {
      if (!assigns(lines[above], variable)) continue;
      if (std::find(out.begin(), out.end(), above + 1) == out.end()) out.push_back(above + 1);
      break;
    }
  }
  return out;
}

std::vector<std::string> round_trip_defines(const std::vector<std::string_view>& lines, std::uint32_t line) {
  std::vector<std::string> names;
  if (line == 0 || line > lines.size()) return names;
  const std::string_view text = lines[line - 1];
  if (text.find("toYaml") == std::string_view::npos) return names;
  if (text.find("fromYaml") != std::string_view::npos) included_names(text, names);
  for (const std::uint32_t assignment : assignments_read(lines, line)) {
    if (lines[assignment - 1].find("fromYaml") != std::string_view::npos) included_names(lines[assignment - 1], names);
  }
  return names;
}

std::vector<DefineKey> define_keys(const std::vector<std::string_view>& lines, std::uint32_t first,
                                   std::uint32_t last) {
  std::vector<DefineKey> out;
  struct Open {
    std::size_t indent;
    std::string_view key;
  };
  std::vector<Open> open;  // the keys above the current line, outermost first
  for (std::uint32_t n = first + 1; n < last && n <= lines.size(); ++n) {
    const std::string_view text = without_carriage_return(lines[n - 1]);
    std::size_t at = text.find_first_not_of(' ');
    if (at == std::string_view::npos) continue;
    // A sequence item's keys are indented where its text starts, after `- `.
    while (text.substr(at, 2) == "- ") at = std::min(text.size(), text.find_first_not_of(' ', at + 2));
    if (at >= text.size()) continue;
    const std::string_view rest = text.substr(at);
    if (rest.substr(0, 2) == "{{" || rest[0] == '#' || rest[0] == '{' || rest[0] == '[') continue;
    std::string_view key;
    if (rest[0] == '"' || rest[0] == '\'') {
      const std::size_t close = rest.find(rest[0], 1);
      if (close == std::string_view::npos || rest.substr(close + 1, 1) != ":") continue;
      key = rest.substr(1, close - 1);
    } else {
      std::size_t colon = rest.find(": ");
      if (colon == std::string_view::npos && rest.back() == ':') colon = rest.size() - 1;
      // `key:` followed by an action's trim or comment (`key: {{- … }}`) still names a key.
      if (colon == std::string_view::npos) {
        const std::size_t action = rest.find(":{{");
        if (action == std::string_view::npos) continue;
        colon = action;
      }
      key = rest.substr(0, colon);
      if (key.find("{{") != std::string_view::npos && key.find("}}") == std::string_view::npos) continue;
    }
    while (!open.empty() && open.back().indent >= at) open.pop_back();
    open.push_back(Open{at, key});
    DefineKey entry{n, {}};
    for (const auto& o : open) entry.keys.push_back(o.key);
    out.push_back(std::move(entry));
  }
  return out;
}

std::optional<std::uint32_t> line_for_path(const std::vector<DefineKey>& keys,
                                           const std::vector<std::string_view>& path) {
  std::optional<std::uint32_t> best;
  std::size_t best_length = 0, best_end = 0;
  bool tie = false;
  for (const auto& k : keys) {
    const std::size_t length = k.keys.size();
    if (length == 0 || length > path.size() || length < best_length) continue;
    // The run of `path` equal to k.keys that ends latest.
    for (std::size_t end = path.size(); end >= length; --end) {
      if (!std::equal(k.keys.begin(), k.keys.end(), path.begin() + static_cast<std::ptrdiff_t>(end - length))) {
        continue;
      }
      if (length > best_length || end > best_end) {
        best = k.line;
        best_length = length;
        best_end = end;
        tie = false;
      } else if (end == best_end && k.line != *best) {
        tie = true;
      }
      break;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace chartproof::chart
