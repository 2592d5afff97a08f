#pragma once
// Named time zones for the timestamp accessors (`getHours('America/St_Johns')`), read from the
// system's IANA database (/usr/share/zoneinfo, Debian's tzdata) in the TZif format of RFC 8536:
// Debian 12's libstdc++ has no std::chrono time-zone database.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::cel {

/// The UTC offset in seconds of `zone` at `unix_seconds`; nullopt when the zone is unknown (or its
/// file unreadable). After a file's last transition the last offset holds (the database's files
/// list transitions to 2037).
std::optional<std::int64_t> zone_offset_at(std::string_view zone, std::int64_t unix_seconds,
                                           const std::string& database = "/usr/share/zoneinfo");

}  // namespace chartproof::cel
