#pragma once
// rapidjson helpers shared by the JSON formats.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "chartproof/version.hpp"
#include "support/utf8.hpp"

namespace chartproof::report {

/// A rapidjson output stream onto a std::ostream through a small buffer: rapidjson's own
/// OStreamWrapper calls ostream::put (and its sentry) once per character.
class BufferedOStream {
 public:
  using Ch = char;
  explicit BufferedOStream(std::ostream& out) : out_(out) {}
  ~BufferedOStream() { Flush(); }
  BufferedOStream(const BufferedOStream&) = delete;
  BufferedOStream& operator=(const BufferedOStream&) = delete;

  void Put(char c) {
    if (used_ == buffer_.size()) Flush();
    buffer_[used_++] = c;
  }
  /// Called by the writer when a top-level value is complete.
  void Flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(used_));
    used_ = 0;
  }
  // Input side of rapidjson's stream concept: never used by a writer.
  char Peek() const { return '\0'; }
  char Take() { return '\0'; }
  std::size_t Tell() const { return 0; }
  char* PutBegin() { return nullptr; }
  std::size_t PutEnd(char*) { return 0; }

 private:
  std::ostream& out_;
  std::array<char, 16384> buffer_{};
  std::size_t used_ = 0;
};

/// Writes straight to a stream: a large report is never held twice in memory.
using JsonWriter = rapidjson::PrettyWriter<BufferedOStream>;

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

/// The `"tool": {"name": "chartproof", "version": …}` member of every JSON document chartproof writes.
template <typename Writer>
void write_tool(Writer& w) {
  write_key(w, "tool");
  w.StartObject();
  write_key(w, "name");
  write_string(w, "chartproof");
  write_key(w, "version");
  write_string(w, version());
  w.EndObject();
}

}  // namespace chartproof::report
