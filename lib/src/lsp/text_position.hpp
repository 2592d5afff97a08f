#pragma once
// Protocol positions (0-based line, UTF-16 code units) as byte offsets of a document's text: what
// incremental synchronization's range edits need.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chartproof::lsp {

/// The byte offset of (`line`, `character`) in `text`. A line past the last is the end of the
/// text; a character past the end of its line is the end of the line (the protocol's rule); one
/// inside a UTF-8 sequence (the second half of a surrogate pair) is the sequence's end.
std::size_t offset_of(std::string_view text, std::uint32_t line, std::uint32_t character);

}  // namespace chartproof::lsp
