// A byte of a literal block scalar, back to its line in the file (block_position.hpp).
#include "model/block_position.hpp"

#include <algorithm>

#include "support/text_line.hpp"

namespace chartproof::model {

std::optional<LineColumn> position_in_literal_block(Node scalar, std::size_t offset, std::string_view file_text) {
  if (!scalar || !scalar.is_scalar()) return std::nullopt;
  const std::string_view text = scalar.text();
  if (offset >= text.size() || scalar.line() == 0 || scalar.column() == 0) return std::nullopt;
  const auto indicator_line = support::text_line(file_text, scalar.line());
  if (!indicator_line || scalar.column() > indicator_line->size() || (*indicator_line)[scalar.column() - 1] != '|') {
    return std::nullopt;
  }
  const std::size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t line_start = offset == 0 || begin == std::string_view::npos ? 0 : begin + 1;
  const std::size_t line_end = std::min(text.find('\n', line_start), text.size());
  const std::string_view content = text.substr(line_start, line_end - line_start);
  const auto k = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + line_start, '\n'));
  const std::uint32_t line = scalar.line() + 1 + k;
  const auto in_file = support::text_line(file_text, line);
  // The file line is the block's indentation, then the content line.
  if (!in_file || in_file->size() < content.size() || !in_file->ends_with(content)) return std::nullopt;
  const std::size_t indent = in_file->size() - content.size();
  if (in_file->substr(0, indent).find_first_not_of(' ') != std::string_view::npos) return std::nullopt;
  return LineColumn{line, static_cast<std::uint32_t>(indent + (offset - line_start) + 1)};
}

}  // namespace chartproof::model
