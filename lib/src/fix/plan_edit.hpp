#pragma once
// From a finding that declares its fix (Field::fix) to an edit of the line a person edits: the
// values line the value came from, the values entry whose block a template writes (add the key
// there), the template line that writes the value literally, or the manifest's own line. Where
// none applies, no edit, and why.
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/finding.hpp"
#include "fix/text_edit.hpp"

namespace chartproof::fix {

struct PlannedEdit {
  std::optional<TextEdit> edit;
  std::string why_not;  ///< when there is no edit
};

/// The edit of `file_text` (the text of `finding.file`) that writes the finding's fix, in the file's
/// own style: the value replaced in place (its comment kept), or the missing keys inserted under the
/// closest one that exists at the indentation of its children.
/// `anchor_key`, when given, is the key of the finding's path that the line's key stands for (a
/// values entry a template writes under that key with toYaml).
PlannedEdit plan_edit(const Finding& finding, std::string_view file_text, std::string_view anchor_key = {});

/// The `.Values` path whose block a template writes as the children of the key on line `line`
/// (`securityContext:` then `{{- toYaml .Values.workerSecurityContext | nindent 12 }}`); empty
/// when the next line is not such a block.
std::vector<std::string> values_block_below(std::string_view template_text, std::uint32_t line);

}  // namespace chartproof::fix
