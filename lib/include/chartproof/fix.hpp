#pragma once
/// \file
/// `chartproof fix`: edits that make findings go away, written where a person edits (the values
/// line, the values entry a template renders, the template line, the manifest line), each kept only
/// when linting the edited copy shows its finding gone, no new one, and helm still rendering.

#include <cstdint>
#include <string>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/finding.hpp"
#include "chartproof/request.hpp"

namespace chartproof {

/// What became of one finding's fix.
struct FixOutcome {
  enum class Status : std::uint8_t {
    Kept,     ///< edited, and the edit verified
    Dropped,  ///< an edit was made, and verification refused it (`reason` says what it saw)
    NoEdit,   ///< no automatic edit (`reason` says why): a judgement, or no line to write it on
  };
  Finding finding;
  Status status = Status::NoEdit;
  std::string reason;
  std::string file;        ///< the file the edit is in (Kept, Dropped)
  std::uint32_t line = 0;  ///< the line it changes or inserts after
};

struct FixReport {
  /// The lint of the inputs as they were, each finding whose fix was kept carrying it
  /// (Finding::fixed_by): what `fix --format json|sarif` writes.
  LintReport report;
  std::vector<FixOutcome> outcomes;  ///< one per finding that declares a fix, in finding order
  std::string diff;                  ///< the kept edits as a unified diff, file by file
  std::vector<std::string> changed_files;
};

/// Lints `request`, plans each finding's fix, verifies each on a temporary copy of the inputs (a
/// chart folder, or manifest files), and returns what was kept; with `write`, writes the kept edits
/// to the files in place (each atomically, after checking every one can be written). An input that
/// cannot be linted or copied, or a file that cannot be written, is an Error and nothing is written.
Expected<FixReport> fix_request(const LintRequest& request, bool write);

/// "kept", "dropped", "no edit".
std::string_view fix_status_name(FixOutcome::Status status);

}  // namespace chartproof
