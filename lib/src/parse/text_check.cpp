#include "parse/text_check.hpp"

#include <cstdint>
#include <cstring>

#include "support/utf8.hpp"

namespace chartproof::parse {
namespace {

bool is_forbidden_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; }

}  // namespace

std::optional<BadCharacter> find_bad_character(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path: eight printable ASCII bytes at a time (no high bit, no control byte).
    if (i + 8 <= text.size()) {
      std::uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
      std::uint64_t below_space = (w - 0x2020202020202020ULL) & ~w & kHigh;
      std::uint64_t is_del =
          ((w ^ 0x7F7F7F7F7F7F7F7FULL) - 0x0101010101010101ULL) & ~(w ^ 0x7F7F7F7F7F7F7F7FULL) & kHigh;
      if (((w & kHigh) | below_space | is_del) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_forbidden_control(c)) {
        char code[8];
        std::snprintf(code, sizeof code, "0x%02X", c);
        return BadCharacter{i, std::string("control character ") + code + " is not allowed in YAML"};
      }
      ++i;
      continue;
    }
    std::size_t n = support::utf8_sequence_length(text, i);
    if (n == 0) return BadCharacter{i, "invalid UTF-8 byte sequence"};
    i += n;
  }
  return std::nullopt;
}

}  // namespace chartproof::parse
