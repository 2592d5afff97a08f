#pragma once
// Linting what the editor shows: a chart folder (or a manifest file) with the unsaved text of its
// open files in place of what is on disk. A chart is copied into a temporary folder with the open
// buffers written over their files, rendered and linted there; findings and errors name the
// original paths (LintRequest::shown_paths). Nothing is written to the user's files.
#include <map>
#include <string>
#include <vector>

#include "chartproof/fix.hpp"
#include "chartproof/request.hpp"

namespace chartproof::lsp {

struct LintUnit {
  std::string root;    ///< the chart folder, or the manifest file
  bool chart = false;  ///< a chart folder (rendered with helm)
};

/// The folder a unit's lint runs in (policy discovery starts there): the chart folder, or the
/// manifest's folder.
std::string working_dir(const LintUnit& unit);

struct UnitLint {
  std::vector<Finding> findings;  ///< in the original paths; one per edit location (Finding::more)
  std::vector<Error> errors;      ///< helm's failure, a policy that cannot be read, ... (located)
  std::vector<FixOutcome> fixes;  ///< with `fixes`: each finding's fix and what verification said
};

/// Lints `unit` as `base` says (policy, values files, Kubernetes version), open buffers
/// (`overlay`: path → text) in place of their files. With `fixes`, runs `chartproof fix`'s
/// planning and verification instead, whose kept edits carry Finding::fixed_by.
/// `linter`: the unit's linter kept from an earlier lint (made and stored here when null), so a
/// lint after an edit does not compile the rules again; the caller drops it when the settings or a
/// policy file change.
UnitLint lint_unit(const LintUnit& unit, const std::map<std::string, std::string>& overlay, const LintRequest& base,
                   bool fixes, std::shared_ptr<const Linter>& linter);

}  // namespace chartproof::lsp
