#pragma once
// The "disable for this resource" code action: the edit that adds a rule to the
// `chartproof.io/ignore` annotation of the object a line belongs to, in the file's own style (the
// annotation's value extended, or the key added under `annotations:`, or `annotations:` added
// under `metadata:`). Objects whose metadata a template action writes get no edit.
#include <optional>
#include <string_view>

#include "fix/text_edit.hpp"

namespace chartproof::lsp {

/// The edit of `text` that ignores `rule` on the object (the YAML document, `---` separated) that
/// holds line `line` (1-based); none when the document has no top-level `metadata:` written as a
/// block, or its annotations are written by a template action or in flow style.
std::optional<fix::TextEdit> ignore_annotation_edit(std::string_view text, std::uint32_t line, std::string_view rule);

}  // namespace chartproof::lsp
