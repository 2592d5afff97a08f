// Timestamps and durations (see time.hpp), written from langdef.md and Go's time package
// semantics that cel-go follows (ParseDuration, RFC 3339, civil dates in the proleptic Gregorian
// calendar: days_from_civil / civil_from_days).
#include "cel/time.hpp"

#include "cel/time_zone.hpp"

#include <cctype>
#include <cstdio>
#include <limits>

namespace chartproof::cel {
namespace {

// Nanoseconds of ±10000 years exceed 64 bits; GCC and clang's 128-bit integer holds them.
__extension__ typedef __int128 Wide;  // NOLINT(modernize-use-using): __extension__ needs typedef

constexpr std::int64_t kNanos = 1000000000;
// Timestamps span 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
constexpr std::int64_t kMinSeconds = -62135596800;
constexpr std::int64_t kMaxSeconds = 253402300799;

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};
Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

Value checked_timestamp(Wide total_nanos) {
  Wide seconds = total_nanos / kNanos;
  Wide nanos = total_nanos % kNanos;
  if (nanos < 0) {
    nanos += kNanos;
    seconds -= 1;
  }
  if (seconds < kMinSeconds || seconds > kMaxSeconds) return error("timestamp out of range");
  return Value(Timestamp{static_cast<std::int64_t>(seconds), static_cast<std::int32_t>(nanos)});
}

Value checked_duration(Wide total_nanos) {
  Wide seconds = total_nanos / kNanos;
  // cel-go holds a duration in Go's time.Duration: int64 nanoseconds, about ±292 years.
  if (total_nanos > std::numeric_limits<std::int64_t>::max() ||
      total_nanos < std::numeric_limits<std::int64_t>::min()) {
    return error("duration out of range");
  }
  return Value(Duration{static_cast<std::int64_t>(seconds), static_cast<std::int32_t>(total_nanos % kNanos)});
}

Wide nanos_of(const Duration& d) { return static_cast<Wide>(d.seconds) * kNanos + d.nanos; }
Wide nanos_of(const Timestamp& t) { return static_cast<Wide>(t.seconds) * kNanos + t.nanos; }

// A fixed UTC offset in seconds from `+05:30`, `-02:30`, `02:00` or `UTC`; nullopt otherwise.
std::optional<std::int64_t> zone_offset(std::string_view zone) {
  if (zone == "UTC" || zone == "Z" || zone.empty()) return 0;
  int sign = 1;
  if (zone.front() == '+' || zone.front() == '-') {
    sign = zone.front() == '-' ? -1 : 1;
    zone.remove_prefix(1);
  }
  if (zone.size() != 5 || zone[2] != ':') return std::nullopt;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (!std::isdigit(static_cast<unsigned char>(zone[i]))) return std::nullopt;
  }
  const int hours = (zone[0] - '0') * 10 + (zone[1] - '0');
  const int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
  return sign * (hours * 3600 + minutes * 60);
}

}  // namespace

Value parse_duration(std::string_view s) {
  const std::string original(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return Value(Duration{});
  if (s.empty()) return error("invalid duration \"" + original + "\"");
  Wide total = 0;
  while (!s.empty()) {
    std::size_t i = 0;
    Wide whole = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      whole = whole * 10 + (s[i] - '0');
      if (whole > (static_cast<Wide>(1) << 100)) return error("invalid duration \"" + original + "\"");
      ++i;
    }
    Wide frac = 0, scale = 1;
    bool has_digits = i > 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (scale < static_cast<Wide>(1000000000000000000)) {
          frac = frac * 10 + (s[i] - '0');
          scale *= 10;
        }
        has_digits = true;
        ++i;
      }
    }
    if (!has_digits) return error("invalid duration \"" + original + "\"");
    std::size_t u = i;
    while (u < s.size() && !std::isdigit(static_cast<unsigned char>(s[u])) && s[u] != '.') ++u;
    std::string_view unit = s.substr(i, u - i);
    Wide per = 0;
    if (unit == "ns")
      per = 1;
    else if (unit == "us" || unit == "µs" || unit == "μs")
      per = 1000;
    else if (unit == "ms")
      per = 1000000;
    else if (unit == "s")
      per = kNanos;
    else if (unit == "m")
      per = Wide{60} * kNanos;
    else if (unit == "h")
      per = Wide{3600} * kNanos;
    else
      return error("invalid duration \"" + original + "\"");
    total += whole * per + frac * per / scale;
    s.remove_prefix(u);
  }
  return checked_duration(negative ? -total : total);
}

Value parse_timestamp(std::string_view s) {
  // YYYY-MM-DDThh:mm:ss[.f+](Z|±hh:mm)
  auto digits = [&](std::size_t at, std::size_t n) -> std::optional<int> {
    if (at + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  auto bad = [&] { return error("invalid timestamp \"" + std::string(s) + "\""); };
  auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2), hour = digits(11, 2), minute = digits(14, 2),
       second = digits(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || s.size() < 20 || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') {
    return bad();
  }
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) return bad();
  std::size_t i = 19;
  std::int64_t nanos = 0;
  if (s[i] == '.') {
    ++i;
    std::int64_t scale = kNanos;
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      if (scale > 1) {
        scale /= 10;
        nanos += (s[i] - '0') * scale;
      }
      ++i;
    }
    if (i == start) return bad();
  }
  std::int64_t offset = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    auto o = zone_offset(s.substr(i, 6));
    if (!o) return bad();
    offset = *o;
    i += 6;
  } else {
    return bad();
  }
  if (i != s.size()) return bad();
  std::int64_t days = days_from_civil(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  std::int64_t secs = days * 86400 + std::int64_t{*hour} * 3600 + std::int64_t{*minute} * 60 + *second - offset;
  return checked_timestamp(static_cast<Wide>(secs) * kNanos + nanos);
}

Value timestamp_from_seconds(std::int64_t seconds) { return checked_timestamp(static_cast<Wide>(seconds) * kNanos); }

std::string format_duration(const Duration& d) {
  Wide n = nanos_of(d);
  bool negative = n < 0;
  if (negative) n = -n;
  auto seconds = static_cast<std::int64_t>(n / kNanos);
  auto nanos = static_cast<std::int64_t>(n % kNanos);
  std::string out = (negative ? "-" : "") + std::to_string(seconds);
  if (nanos != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09lld", static_cast<long long>(nanos));
    std::string frac = buf;
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out + "s";
}

std::string format_timestamp(const Timestamp& t) {
  std::int64_t days = floor_div(t.seconds, 86400);
  std::int64_t rest = t.seconds - days * 86400;
  Civil c = civil_from_days(days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", static_cast<long long>(c.year), c.month,
                c.day, static_cast<long long>(rest / 3600), static_cast<long long>(rest / 60 % 60),
                static_cast<long long>(rest % 60));
  std::string out = buf;
  if (t.nanos != 0) {
    std::snprintf(buf, sizeof buf, "%09d", t.nanos);
    std::string frac = buf;
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out + "Z";
}

std::optional<Value> time_arithmetic(char op, const Value& a, const Value& b) {
  const auto *ta = a.as<Timestamp>(), *tb = b.as<Timestamp>();
  const auto *da = a.as<Duration>(), *db = b.as<Duration>();
  if (op == '+') {
    if (ta && db) return checked_timestamp(nanos_of(*ta) + nanos_of(*db));
    if (da && tb) return checked_timestamp(nanos_of(*da) + nanos_of(*tb));
    if (da && db) return checked_duration(nanos_of(*da) + nanos_of(*db));
  } else if (op == '-') {
    if (ta && db) return checked_timestamp(nanos_of(*ta) - nanos_of(*db));
    if (ta && tb) return checked_duration(nanos_of(*ta) - nanos_of(*tb));
    if (da && db) return checked_duration(nanos_of(*da) - nanos_of(*db));
  }
  return std::nullopt;
}

std::optional<Value> time_accessor(std::string_view name, const Value& receiver, std::string_view zone, bool has_zone) {
  if (const auto* d = receiver.as<Duration>()) {
    if (has_zone) return std::nullopt;
    Wide n = nanos_of(*d);
    if (name == "getHours") return Value(static_cast<std::int64_t>(n / (Wide{3600} * kNanos)));
    if (name == "getMinutes") return Value(static_cast<std::int64_t>(n / (Wide{60} * kNanos)));
    if (name == "getSeconds") return Value(static_cast<std::int64_t>(n / kNanos));
    if (name == "getMilliseconds") return Value(static_cast<std::int64_t>(n / 1000000));
    return std::nullopt;
  }
  const auto* t = receiver.as<Timestamp>();
  if (!t) return std::nullopt;
  static constexpr std::string_view kNames[] = {"getFullYear",  "getMonth",       "getDate",  "getDayOfMonth",
                                                "getDayOfWeek", "getDayOfYear",   "getHours", "getMinutes",
                                                "getSeconds",   "getMilliseconds"};
  bool known = false;
  for (auto k : kNames) known = known || k == name;
  if (!known) return std::nullopt;
  auto offset = zone_offset(zone);
  if (!offset) offset = zone_offset_at(zone, t->seconds);  // a named zone of the IANA database
  if (!offset) return error("unknown time zone \"" + std::string(zone) + "\"");
  std::int64_t local = t->seconds + *offset;
  std::int64_t days = floor_div(local, 86400);
  std::int64_t rest = local - days * 86400;
  Civil c = civil_from_days(days);
  if (name == "getFullYear") return Value(c.year);
  if (name == "getMonth") return Value(static_cast<std::int64_t>(c.month) - 1);
  if (name == "getDate") return Value(static_cast<std::int64_t>(c.day));
  if (name == "getDayOfMonth") return Value(static_cast<std::int64_t>(c.day) - 1);
  if (name == "getDayOfWeek") return Value(static_cast<std::int64_t>(((days % 7) + 11) % 7));  // 1970-01-01: Thursday
  if (name == "getDayOfYear") return Value(days - days_from_civil(c.year, 1, 1));
  if (name == "getHours") return Value(rest / 3600);
  if (name == "getMinutes") return Value(rest / 60 % 60);
  if (name == "getSeconds") return Value(rest % 60);
  return Value(static_cast<std::int64_t>(t->nanos / 1000000));
}

}  // namespace chartproof::cel
