#include "lsp/text_position.hpp"

#include <algorithm>

namespace chartproof::lsp {

std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t character) {
  std::size_t at = 0;
  for (std::uint32_t l = 0; l < line; ++l) {
    const std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) return text.size();
    at = newline + 1;
  }
  // The line's text, without its \n or \r\n (the protocol's line end).
  std::size_t end = std::min(text.find('\n', at), text.size());
  if (end > at && text[end - 1] == '\r') --end;
  for (std::uint32_t units = 0; at < end && units < character;) {
    const auto c = static_cast<unsigned char>(text[at]);
    const std::size_t length = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 1;
    units += length == 4 ? 2 : 1;
    at = std::min(at + length, end);
  }
  return at;
}

}  // namespace chartproof::lsp
