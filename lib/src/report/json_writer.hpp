#pragma once
// rapidjson helpers shared by the JSON formats.

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <string>
#include <string_view>

#include "support/utf8.hpp"

namespace chartproof::report {

/// Writes straight to a stream: a large report is never held twice in memory.
using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

/// Writes a string, replacing invalid UTF-8 (from hostile input) so the JSON stays valid.
inline void write_string(JsonWriter& w, std::string_view s) {
  std::string valid = support::to_valid_utf8(s);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

inline void write_key(JsonWriter& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

}  // namespace chartproof::report
