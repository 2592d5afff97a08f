#pragma once
// One line of a text by its number: what source maps' block positions and chart fix's edits read
// when they go from a finding's line back to the file's text.

#include <cstdint>
#include <optional>
#include <string_view>

namespace chartproof::support {

/// Line `number` (1-based) of `text`, without its line break and a carriage return before it; the
/// empty line after a final line break counts. None past the end, or for line 0.
inline std::optional<std::string_view> text_line(std::string_view text, std::uint32_t number) {
  if (number == 0) return std::nullopt;
  std::size_t at = 0;
  for (std::uint32_t n = 1; n < number; ++n) {
    at = text.find('\n', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  std::string_view line = text.substr(at);
  line = line.substr(0, line.find('\n'));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace chartproof::support
