#pragma once
/// \file
/// The engine: reads inputs, builds the graph, runs the selected rules, returns sorted findings.

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chartproof/chart_folder.hpp"
#include "chartproof/error.hpp"
#include "chartproof/finding.hpp"
#include "chartproof/graph.hpp"
#include "chartproof/options.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/rule.hpp"

namespace chartproof {

/// Counts shown in every output format.
struct Summary {
  std::size_t documents = 0;
  std::size_t resources = 0;
  std::size_t findings = 0;
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
  std::size_t skipped = 0;    ///< input files that hold no Kubernetes object (Input::skipped)
  std::size_t baselined = 0;  ///< findings the baseline holds (LintReport::baselined), not in `findings`
  /// Findings below --min-severity (LintReport::hidden): counted in `findings` and the severity
  /// counts, not listed.
  std::size_t hidden = 0;
  /// What the findings (hidden ones included) stand for: a grouped finding (Finding::more) counts
  /// each object at its edit location; equal to `findings` when nothing was grouped.
  std::size_t objects = 0;
  /// `helm test` hook pods among the resources, linted only by LintOptions::helm_test_packs.
  std::size_t helm_test_hooks = 0;
};

/// Parsed inputs: the files (kept for code frames) and the graph over them.
struct Input {
  std::vector<std::shared_ptr<const SourceFile>> files;  ///< rendered inputs, then charts' own files
  ResourceGraph graph;
  std::vector<ChartFolder> charts;  ///< chart mode: each chart folder's own files
  /// Inputs whose documents are YAML but none a Kubernetes object (a workflow, a compose file, a
  /// values file): not linted, and named in --summary. An empty file is empty, not skipped.
  std::vector<std::string> skipped;
};

/// A rule that ran, with its effective severity (outside any policy scope).
struct RuleRun {
  RuleMeta meta;
  Severity severity;
};

/// How much of a chart's render its source map ties to template lines (the JSON report's `charts`).
struct ChartMapStats {
  std::string dir;
  std::size_t rendered_lines = 0;
  std::size_t mapped_lines = 0;
  std::size_t sections = 0;
  std::size_t aligned_sections = 0;
  std::string source_map_error;
};

/// What a lint run produced.
struct LintReport {
  /// The parsed inputs: one per lint context (the plain files; each chart, which is a release of
  /// its own with its own graph), in the order they were linted.
  std::vector<std::shared_ptr<const Input>> inputs;
  std::vector<Finding> findings;
  /// Findings the baseline (LintOptions::baseline) already held: they do not count toward the exit
  /// code or the severity counts, and only --summary and --write-baseline show them.
  std::vector<Finding> baselined;
  /// Findings below the request's minimum severity (--min-severity): not listed in any format, but
  /// counted, and they still fail the run at --fail-on (showing less never passes a gate).
  std::vector<Finding> hidden;
  Summary summary;
  std::vector<RuleRun> rules;  ///< every rule that ran, in catalogue order
  /// What could not be linted (a chart helm could not render); everything else was. Not empty:
  /// the run failed (exit 2) even though findings were reported.
  std::vector<Error> errors;
  /// What the run says once beside its findings, located: a declared pack it does not have, a piped
  /// render (--chart) that differs from the chart's own. Not failures.
  std::vector<Error> notes;
  /// The packs (or rule ids, or "all") that linted `helm test` hook pods (LintOptions::helm_test_packs).
  std::vector<std::string> helm_test_packs;
  /// What the JSON report says about the inputs, kept as values so that a report without its
  /// inputs (an audit task's, read back from a worker) says it too: the files that held no
  /// Kubernetes object, and each chart's source-map coverage.
  std::vector<std::string> skipped_files;
  std::vector<ChartMapStats> chart_maps;
  /// True when nothing is at or above `fail_on` (hidden findings included).
  bool ok(Severity fail_on) const;
  /// Moves the findings below `min` from `findings` to `hidden` (--min-severity).
  void hide_below(Severity min);
  /// A copy holding only the findings `keep` accepts, with the finding and severity counts of those
  /// (Python's Report.filter); every format writes it like any report.
  LintReport filtered(const std::function<bool(const Finding&)>& keep) const;
  /// Adds the findings, inputs, counts and errors of another run with the same rules.
  void merge(LintReport other);
  /// The chart folders of every input, in input order.
  std::vector<const ChartFolder*> charts() const;
  /// The chart whose render a chart-mode finding was made on (by Finding::rendered), else null.
  const ChartFolder* chart_of(const Finding& finding) const;
};

/// Parses files into a graph, using `jobs` threads for the documents.
/// Chart folders' renders join `files`; their own files are parsed into Input::charts.
std::shared_ptr<const Input> load_input(std::vector<SourceFile> files, const LintOptions& options,
                                        std::vector<ChartSources> charts = {});

/// A rule as a policy configured it: on or off, severity and parameters outside every scope, and
/// the settings of each scope (the last scope that contains a resource wins).
struct EffectiveRule {
  const RuleDefinition* definition = nullptr;
  bool enabled = true;  ///< outside every scope (false: only where a scope switches it on)
  Severity severity = Severity::Error;
  Params params;
  struct Scoped {
    Scope scope;
    bool enabled = true;
    Severity severity = Severity::Error;
    Params params;
  };
  std::vector<Scoped> scoped;
};

/// A configured set of rule instances; immutable, so one Linter can lint from many threads, and
/// cheap to copy (copies share the configuration).
class Linter {
 public:
  /// Resolves options against the built-in rules; an unknown rule id or pack is an Error.
  static Expected<Linter> create(const LintOptions& options);

  /// Lints already-parsed input.
  LintReport run(std::shared_ptr<const Input> input) const;
  /// Lints several inputs, each a lint context of its own (its own graph: a chart is a release that
  /// never meets another), in one report; run-level checks (unused exemptions) see them all.
  LintReport run(std::vector<std::shared_ptr<const Input>> inputs) const;
  /// Parses and lints files.
  LintReport lint(std::vector<SourceFile> files, std::vector<ChartSources> charts = {}) const;
  /// How chart mode renders for these rules: Twice when an enabled rule compares two renders.
  ChartRenders chart_renders() const;

  /// Every rule this linter knows: built-in ones, then the policy's custom rules.
  std::vector<const RuleDefinition*> definitions() const;
  /// The rules that will run, each with its effective settings everywhere and per policy scope
  /// (what `chartproof policy show` prints).
  std::vector<EffectiveRule> effective_rules() const;
  const LintOptions& options() const;

 private:
  struct State;  // the configured rule instances, compiled scopes and exemptions (engine/linter.cpp)
  void lint_context(const Input& input, std::vector<std::atomic<bool>>& exemption_used,
                    std::vector<Finding>& findings) const;
  std::shared_ptr<const State> state_;
};

}  // namespace chartproof
