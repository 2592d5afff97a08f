#include "support/base64.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace chartproof::support {
namespace {

// The value of each alphabet byte; kNotBase64 for every other byte (a table of unsigned bytes, so
// no byte value, ASCII or not, can index it out of range: the defect of the yaml-cpp decoder an earlier build used).
constexpr std::uint8_t kNotBase64 = 0xFF;
constexpr std::array<std::uint8_t, 256> kDecode = [] {
  std::array<std::uint8_t, 256> table{};
  for (auto& v : table) v = kNotBase64;
  constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i < alphabet.size(); ++i)
    table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
  return table;
}();

std::string describe(unsigned char c) {
  if (c >= 0x21 && c < 0x7F) return std::string("\"") + static_cast<char>(c) + "\"";
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return std::string("byte ") + buf;
}

Base64Result fail(std::size_t offset, std::string what) {
  return Base64Result{std::nullopt, Base64Error{offset, std::move(what)}};
}

}  // namespace

Base64Result decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned quantum[4];
  std::size_t offsets[4];
  std::size_t filled = 0;
  std::size_t padding = 0;  // `=` seen in the current (last) quantum
  bool finished = false;    // a padded quantum ended the data: only newlines may follow
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r' || c == '\n') continue;  // Go ignores CR and LF anywhere
    if (finished) return fail(i, describe(c) + " after the padding");
    if (c == '=') {
      // Padding fills the last one or two places of a quantum that has at least two characters.
      if (filled < 2) return fail(i, "\"=\" where data was expected");
      ++padding;
      offsets[filled] = i;
      quantum[filled++] = 0;
      if (filled == 4) finished = true;
      continue;
    }
    if (padding > 0) return fail(i, describe(c) + " after \"=\" padding");
    std::uint8_t v = kDecode[c];
    if (v == kNotBase64) return fail(i, describe(c) + " is not a base64 character");
    offsets[filled] = i;
    quantum[filled++] = v;
    if (filled == 4) {
      out.push_back(static_cast<char>((quantum[0] << 2) | (quantum[1] >> 4)));
      out.push_back(static_cast<char>(((quantum[1] & 0xF) << 4) | (quantum[2] >> 2)));
      out.push_back(static_cast<char>(((quantum[2] & 0x3) << 6) | quantum[3]));
      filled = 0;
    }
  }
  if (finished) {
    out.push_back(static_cast<char>((quantum[0] << 2) | (quantum[1] >> 4)));
    if (padding == 1) out.push_back(static_cast<char>(((quantum[1] & 0xF) << 4) | (quantum[2] >> 2)));
    return Base64Result{std::move(out), {}};
  }
  if (filled != 0) {
    std::size_t at = offsets[filled - 1] + 1;
    return fail(at, padding > 0 ? "incomplete padding at the end"
                                : "the length is not a multiple of 4 (missing \"=\" padding)");
  }
  return Base64Result{std::move(out), {}};
}

}  // namespace chartproof::support
