#pragma once
// Where a byte of a literal block scalar's text (`key: |` and its lines) is in the file: its lines
// are the file's lines below the indicator, one for one, each after the block's indentation.
#include <cstdint>
#include <optional>
#include <string_view>

#include "chartproof/node.hpp"

namespace chartproof::model {

struct LineColumn {
  std::uint32_t line = 0, column = 0;
};

/// The file position (1-based) of byte `offset` of `scalar`'s text, when the scalar is a literal
/// block (`|`, `|-`, `|+`, `|2`) in `file_text` and the file line there holds the text's line
/// (after indentation); none otherwise (a folded or flow scalar, whose lines the text joins).
std::optional<LineColumn> position_in_literal_block(Node scalar, std::size_t offset, std::string_view file_text);

}  // namespace chartproof::model
