#pragma once
// rapidjson helpers shared by the JSON formats.

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>

#include "support/utf8.hpp"

namespace chartproof::report {

/// Writes straight to a stream: a large report is never held twice in memory.
using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

/// Writes a string, replacing invalid UTF-8 (from hostile input) so the JSON stays valid. Any
/// rapidjson writer: the streaming pretty one, or a compact one into a buffer.
template <typename Writer>
void write_string(Writer& w, std::string_view s) {
  std::string valid = support::to_valid_utf8(s);
  w.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
}

/// A string as a JSON string literal (quotes and escapes included), invalid UTF-8 replaced. It is
/// also a YAML double-quoted scalar, which is how `policy show` writes user text.
inline std::string json_quoted(std::string_view s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  write_string(w, s);
  return {buffer.GetString(), buffer.GetSize()};
}

template <typename Writer>
void write_key(Writer& w, std::string_view key) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

}  // namespace chartproof::report
