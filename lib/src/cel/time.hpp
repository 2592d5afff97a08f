#pragma once
// CEL's timestamps and durations (langdef.md, "Timestamps and durations"): parsing (RFC 3339,
// Go durations such as `1h30m` or `-1.5s`), formatting, arithmetic with range errors, and the
// calendar accessors (getFullYear, getHours, ...) in UTC, at a fixed offset (`+05:30`) or in a named
// zone of the system's time-zone database (`America/St_Johns`).
#include <optional>
#include <string>
#include <string_view>

#include "cel/value.hpp"

namespace chartproof::cel {

Value parse_duration(std::string_view text);   ///< a Duration, or an Error
Value parse_timestamp(std::string_view text);  ///< a Timestamp, or an Error
Value timestamp_from_seconds(std::int64_t seconds);
std::string format_duration(const Duration& d);    ///< `1000000s`, `1.5s`
std::string format_timestamp(const Timestamp& t);  ///< `2009-02-13T23:31:30Z`, fraction trimmed

/// ts + d, d + d, ts - d, ts - ts, d - d: a Duration or Timestamp, or an Error when out of range;
/// nullopt when the operand types have no such overload.
std::optional<Value> time_arithmetic(char op, const Value& a, const Value& b);

/// The accessor `name` (getFullYear, getMonth, getDate, getDayOfMonth, getDayOfWeek, getDayOfYear,
/// getHours, getMinutes, getSeconds, getMilliseconds) of a timestamp at `zone` (empty: UTC) or of a
/// duration; nullopt when `name` is not one.
std::optional<Value> time_accessor(std::string_view name, const Value& receiver, std::string_view zone, bool has_zone);

}  // namespace chartproof::cel
