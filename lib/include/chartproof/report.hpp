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
  bool quiet = false;  ///< only `file:line:col: severity: message [rule] in Kind "ns/name"` lines
};

/// `file:line:col: severity: message [rule]`, the resource, a code frame and a summary line.
std::string format_text(const LintReport& report, const TextOptions& options = {});
/// Per finding, what the text format prints under its headline, in plain text: the resource, the
/// values line, the code frame (a secret's line masked), the template line, include and render
/// position. The HTML report shows it.
std::vector<std::string> finding_details(const LintReport& report);
/// One part of an HTML report: a lint run, or one task of an audit.
struct HtmlSection {
  std::string id;                      ///< the anchor and heading (an audit task's id); empty: a single run
  std::string chart;                   ///< the chart the overview counts its findings under; empty: by finding
  std::string error;                   ///< the task could not be linted
  const LintReport* report = nullptr;  ///< its report; null when it could not be linted
  std::vector<std::string> details;    ///< finding_details of its report
  std::string environment;             ///< an audit task's environment (the environment x version grid)
  std::string kube_version;            ///< an audit task's Kubernetes version
};
/// One self-contained HTML page (no network: inline style and script): an overview first (charts x
/// packs by severity, for an audit environments x Kubernetes versions, the rules that fire most, the
/// charts with most errors), then each section's findings, errors first, with code frame, values
/// line and remediation, filterable by severity and rule (cards left empty are hidden), each with an
/// anchor. A finding an audit repeats in several tasks of its chart (other versions, environments)
/// is shown once, in its first task, naming the others.
std::string format_html(const std::vector<HtmlSection>& sections, std::string_view title);
std::string format_html(const LintReport& report);
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
