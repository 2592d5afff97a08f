#pragma once
// The Language Server Protocol's base protocol: each message is a header block (`Content-Length:
// N`, optionally `Content-Type: ...`, each line ending in \r\n, then an empty line) and N bytes of
// JSON. Bytes arrive in any pieces; a malformed header is reported and skipped, never fatal.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chartproof/error.hpp"

namespace chartproof::lsp {

class FrameReader {
 public:
  /// A header block longer than this, or a body longer than kMaxBody, is an error (the bytes are
  /// skipped): nothing a client sends is that large, and memory stays bounded by it.
  static constexpr std::size_t kMaxHeader = std::size_t{8} * 1024;
  static constexpr std::size_t kMaxBody = std::size_t{64} * 1024 * 1024;

  /// Appends bytes read from the client.
  void feed(std::string_view bytes) { buffer_.append(bytes); }

  /// The next complete message body; an Error for a malformed header (which is dropped, so the
  /// next call goes on after it); none until more bytes arrive.
  std::optional<Expected<std::string>> next();

  /// Bytes held that are not yet a whole message.
  std::size_t pending() const { return buffer_.size() - start_; }

 private:
  void compact();
  std::string buffer_;
  std::size_t start_ = 0;     // bytes before it are consumed
  std::size_t skipping_ = 0;  // body bytes of an oversized message still to drop
};

/// `body` framed for the client: its Content-Length header, then the body.
std::string frame(std::string_view body);

}  // namespace chartproof::lsp
