#pragma once
/// \file
/// Output formats for a lint report and for the rule catalogue.

#include <iosfwd>
#include <optional>
#include <string>

#include "chartproof/engine.hpp"

namespace chartproof {

/// Options of the human-readable format.
struct TextOptions {
  bool color = false;
  bool code_frame = true;
  bool quiet = false;  ///< only `file:line:col: severity: message [rule]` lines
};

/// `file:line:col: severity: message [rule]`, the resource, a code frame and a summary line.
std::string format_text(const LintReport& report, const TextOptions& options = {});
/// The versioned JSON document described in DESIGN.md.
std::string format_json(const LintReport& report);
/// The same document, streamed to `out` (no copy of the whole report is held).
void write_json(const LintReport& report, std::ostream& out);
/// SARIF 2.1.0 for GitHub code scanning: one rule per rule that ran, results with relative
/// physical locations (from `base_dir`), logical locations for resources, stable fingerprints.
std::string format_sarif(const LintReport& report, const std::string& base_dir);

/// What --write-baseline and Report.to_baseline() record: every finding of the run, those an older
/// baseline held too, but not that baseline's stale entries (they are about the old file).
std::vector<Finding> baseline_findings(const LintReport& report);
/// JUnit XML: a testsuite per file, a testcase per resource and per chart-level check; findings at
/// or above `fail_on` are its failures (with locations), milder ones <system-out> notes (nullopt:
/// --fail-on never, nothing fails).
std::string format_junit(const LintReport& report, std::optional<Severity> fail_on = Severity::Error);
/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=<rule>::<message>`.
std::string format_github(const LintReport& report);
/// Counts per rule and severity.
std::string format_summary(const LintReport& report);
/// A plain table of every rule: id, pack, severity, summary.
std::string format_rules_text(const std::vector<RuleDefinition>& rules);
/// docs/rules.md: every rule's metadata as Markdown.
std::string format_rules_markdown(const std::vector<RuleDefinition>& rules);
/// `chartproof policy show`: every enabled rule with severity, parameters and scoped settings.
std::string format_effective_policy(const Linter& linter, const Policy& policy);
/// `chartproof explain RULE`: metadata, rationale and the rule's fixtures as examples.
std::string format_explain(const RuleDefinition& rule);
/// Every rule's metadata as JSON.
std::string format_rules_json(const std::vector<RuleDefinition>& rules);

}  // namespace chartproof
