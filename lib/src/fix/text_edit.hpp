#pragma once
// Edits of a text file by line: a value replaced on a line, or lines inserted after one; applied
// together, and shown as a unified diff. What `chartproof fix` writes into values files, templates
// and manifests, keeping everything it does not touch (comments, quoting, key order) as it was.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::fix {

struct TextEdit {
  std::uint32_t line = 0;                 ///< 1-based
  std::uint32_t column = 0;               ///< 1-based start of the replaced text; 0: nothing replaced on the line
  std::uint32_t length = 0;               ///< bytes replaced from `column`
  std::string replacement;                ///< written instead of them
  std::vector<std::string> insert_after;  ///< whole lines inserted after `line`, after the replacement
  bool operator==(const TextEdit&) const = default;
};

/// One edit of a line that does what both `a` and `b` do: the same edit, or two insertions under
/// one key merged as YAML nests them (`securityContext:` once, each key below it); none when they
/// replace different text.
std::optional<TextEdit> merge_edits(const TextEdit& a, const TextEdit& b);

/// `text` with `edits` applied; none when two edits touch one line, or one lies outside the text.
std::optional<std::string> apply_edits(std::string_view text, std::vector<TextEdit> edits);

/// A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with 3 lines of context) from `before` to
/// `after`; empty when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace chartproof::fix
