#pragma once
// Base64 as the API server decodes a Secret's `data` (Go's encoding/base64 StdEncoding, which
// encoding/json uses for []byte fields): the standard alphabet, `=` padding to a multiple of four,
// CR and LF ignored, anything else an error. Strict, so a corrupt value is a finding, never a crash.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::support {

/// Why a text is not base64, and the offset of the first offending byte.
struct Base64Error {
  std::size_t offset = 0;
  std::string what;
};

/// The decoded bytes, or why `text` is not valid base64 (as Go's StdEncoding.DecodeString judges).
struct Base64Result {
  std::optional<std::string> bytes;
  Base64Error error;
  explicit operator bool() const { return bytes.has_value(); }
};

Base64Result decode_base64(std::string_view text);

}  // namespace chartproof::support
