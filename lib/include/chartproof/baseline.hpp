#pragma once
/// \file
/// A baseline: the findings a chart already had when the team adopted chartproof. Written with
/// `--write-baseline FILE`, read with `--baseline FILE`: findings it holds do not count toward the
/// exit code (they are listed as baselined), new ones do, and entries that no longer occur are
/// reported (stale-baseline-entry) so the file shrinks. Format: policies/schema/baseline.schema.json.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/finding.hpp"

namespace chartproof {

/// One fingerprint of the baseline and how many findings had it.
struct BaselineEntry {
  std::string fingerprint;  ///< finding_fingerprint(): what matching uses, and all it uses
  std::string rule;
  std::string resource;  ///< `Kind namespace/name`, for readers
  std::string path;      ///< field path, for readers
  std::string file;      ///< where it was reported, for readers
  std::size_t count = 1;
  std::uint32_t line = 0;  ///< the entry's position in the baseline file (stale entries are reported there)
  std::uint32_t column = 0;
};

struct Baseline {
  std::string file;  ///< the baseline file, as named by the user
  /// The format: 2 fingerprints list items by merge key (finding_fingerprint), 1 by position
  /// (finding_fingerprint_v1, still read; stale-baseline-entry asks for a rewrite).
  int version = 2;
  std::uint32_t version_line = 0;  ///< where `version` is in the file
  std::uint32_t version_column = 0;
  std::vector<BaselineEntry> entries;
};

/// Reads a baseline; a located error when it is not valid against the schema.
Expected<Baseline> parse_baseline(std::string_view text, const std::string& file);
Expected<Baseline> load_baseline(const std::string& path);

/// policies/schema/baseline.schema.json, as compiled in.
std::string_view baseline_json_schema();

/// A baseline file holding `findings` (sorted, one entry per fingerprint with its count).
std::string format_baseline(const std::vector<Finding>& findings);

/// Which baseline entries matched nothing in a run (for stale-baseline-entry).
struct BaselineUse {
  const BaselineEntry* entry;
  std::size_t unmatched = 0;  ///< entry->count minus the findings it matched
};

}  // namespace chartproof
