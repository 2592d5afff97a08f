#pragma once
// The YAML event source: libyaml (libyaml-dev), the parser go-yaml v2 (and so the API server,
// kubectl and helm) is a line-by-line port of, so a text is accepted or rejected as they would.

#include <cstdint>
#include <string_view>

#include "parse/document_builder.hpp"

namespace chartproof::parse {

/// What a chunk held after its first document.
enum class Rest { Nothing, AnotherDocument };

/// Parses `text` (whose first line is `first_line` of its file) with libyaml and feeds the events
/// of its first document to `builder`; throws BuildError (0-based mark within `text`) for text
/// libyaml rejects, including bytes that are not UTF-8 and control characters, and for what the
/// builder refuses.
Rest feed_first_document(std::string_view text, std::uint32_t first_line, DocumentBuilder& builder);

}  // namespace chartproof::parse
