#include "cel/time_zone.hpp"

#include <fstream>
#include <iterator>
#include <vector>

namespace chartproof::cel {
namespace {

std::int64_t be(const std::string& data, std::size_t at, std::size_t bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < bytes; ++i) v = v << 8 | static_cast<unsigned char>(data[at + i]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

// A zone name as the database spells them: letters, digits, '_', '-', '+', '/' between parts, no
// `..`, nothing absolute.
bool plausible_zone(std::string_view zone) {
  if (zone.empty() || zone.size() > 64 || zone.front() == '/' || zone.find("..") != std::string_view::npos)
    return false;
  for (char c : zone) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '+' || c == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::optional<std::int64_t> zone_offset_at(std::string_view zone, std::int64_t unix_seconds,
                                           const std::string& database) {
  if (!plausible_zone(zone)) return std::nullopt;
  std::ifstream in(database + "/" + std::string(zone), std::ios::binary);
  if (!in) return std::nullopt;
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (data.size() < 44 || data.compare(0, 4, "TZif") != 0) return std::nullopt;
  // RFC 8536: a version-1 block of 32-bit times, then (version 2 and later) the same with 64-bit times.
  struct Counts {
    std::int64_t isut, isstd, leap, time, type, chars;
  };
  auto counts_at = [&](std::size_t at) {
    return Counts{be(data, at + 20, 4), be(data, at + 24, 4), be(data, at + 28, 4),
                  be(data, at + 32, 4), be(data, at + 36, 4), be(data, at + 40, 4)};
  };
  auto block_size = [](const Counts& c, std::size_t time_bytes) {
    return static_cast<std::size_t>(c.time * static_cast<std::int64_t>(time_bytes) + c.time + c.type * 6 + c.chars +
                                    c.leap * static_cast<std::int64_t>(time_bytes + 4) + c.isstd + c.isut);
  };
  auto sane = [](const Counts& k) {
    for (std::int64_t n : {k.isut, k.isstd, k.leap, k.time, k.type, k.chars}) {
      if (n < 0 || n > 1'000'000) return false;
    }
    return true;
  };
  std::size_t header = 0;
  Counts c = counts_at(0);
  if (!sane(c)) return std::nullopt;
  std::size_t time_bytes = 4;
  if (data[4] >= '2') {
    header = 44 + block_size(c, 4);
    if (data.size() < header + 44 || data.compare(header, 4, "TZif") != 0) return std::nullopt;
    c = counts_at(header);
    if (!sane(c)) return std::nullopt;
    time_bytes = 8;
  }
  if (c.type <= 0 || c.time < 0 || c.time > 100000 || c.type > 256) return std::nullopt;
  const std::size_t times = header + 44;
  const std::size_t indices = times + static_cast<std::size_t>(c.time) * time_bytes;
  const std::size_t types = indices + static_cast<std::size_t>(c.time);
  if (data.size() < types + static_cast<std::size_t>(c.type) * 6) return std::nullopt;
  auto offset_of_type = [&](std::size_t type) -> std::optional<std::int64_t> {
    if (type >= static_cast<std::size_t>(c.type)) return std::nullopt;
    return be(data, types + type * 6, 4);
  };
  // The last transition at or before the time; before the first, the first standard-time type.
  std::optional<std::size_t> type;
  for (std::size_t i = 0; i < static_cast<std::size_t>(c.time); ++i) {
    if (be(data, times + i * time_bytes, time_bytes) > unix_seconds) break;
    type = static_cast<unsigned char>(data[indices + i]);
  }
  if (!type) {
    type = 0;
    for (std::size_t t = 0; t < static_cast<std::size_t>(c.type); ++t) {
      if (data[types + t * 6 + 4] == 0) {
        type = t;
        break;
      }
    }
  }
  return offset_of_type(*type);
}

}  // namespace chartproof::cel
