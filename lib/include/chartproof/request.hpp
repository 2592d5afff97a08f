#pragma once
/// \file
/// The one entry point behind `chartproof lint` and `chartproof.lint`/`lint_chart`: a request says
/// what to lint and how, and both fronts turn their arguments into one, so they give the same answer.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chartproof/chart.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/error.hpp"
#include "chartproof/options.hpp"
#include "chartproof/rule_pack.hpp"

namespace chartproof {

/// What to lint, and with which policy. Unset optional fields fall back to the policy's value,
/// then to the default.
struct LintRequest {
  /// Files, folders (YAML found recursively; chart folders and folders of charts are rendered with
  /// helm) or "-" for standard input.
  std::vector<std::string> paths;
  /// Documents held in memory (`name`, `text`), linted after the paths.
  std::vector<SourceFile> texts;
  /// The paths are changed files (pre-commit): lint the chart folder enclosing each, once; a file of a
  /// subchart (PARENT/charts/NAME) selects the outermost such parent.
  bool charts_of = false;
  /// Accept an input with no documents at all (an empty render, a folder with no YAML); otherwise
  /// that is a usage error, so that a gate never passes because it checked nothing.
  bool allow_empty = false;
  /// The rendered input (one file or standard input) is `helm template` of this chart folder: its
  /// findings go to the chart's template and values lines, as in chart mode (`--chart DIR`).
  std::string chart_source;
  /// A baseline file (--baseline): findings it holds are moved to LintReport::baselined.
  std::string baseline;
  /// --min-severity: findings below it are moved to LintReport::hidden (counted, not listed; they
  /// still fail the run at --fail-on).
  std::optional<Severity> min_severity;
  /// (path prefix as loaded, as shown): a fleet worker's unpacked copy of a chart or values file,
  /// and the path the audit's matrix names it by; findings and errors show the latter.
  std::vector<std::pair<std::string, std::string>> shown_paths;

  /// The rules to know: the built-in packs plus rule packs (RuleCatalogue::create); null: built-in only.
  std::shared_ptr<const RuleCatalogue> catalogue;
  /// A profile (built-in, or one a pack of the catalogue brings); empty: `recommended` unless
  /// policy files are given.
  std::string profile;
  /// Policy files merged over the profile in order (later wins).
  std::vector<std::string> policy_files;
  /// With no profile and no policy file: use `.chartproof.yaml` of `working_dir` or a parent.
  bool discover_policy = true;
  /// Where policy discovery starts; empty: the current folder.
  std::string working_dir;

  std::vector<std::string> enable;
  std::vector<std::string> disable;
  std::string default_namespace = "default";
  unsigned jobs = 0;                        ///< 0: one per core
  std::optional<std::string> kube_version;  ///< also helm's --kube-version for charts
  std::vector<std::string> schema_dirs;     ///< added to the policy's
  std::optional<SchemaMode> schema_mode;
  std::string today;  ///< YYYY-MM-DD for exemption expiry; empty: the system date
  /// Labels of namespaces outside the input, `NS=KEY=VALUE,KEY=VALUE` each (--namespace-labels);
  /// over the policy's podSecurity.namespaceLabels.
  std::vector<std::string> namespace_labels;
  /// Files or folders of the cluster's ValidatingAdmissionPolicies, bindings and param objects
  /// (--admission-policies).
  std::vector<std::string> admission_policies;

  /// How chart folders render (helm, release, values files, --set, --include-crds). Its namespace
  /// and Kubernetes version come from the fields above.
  ChartOptions chart;

  /// A linter made by request_linter() from a request with the same policy fields, used instead of
  /// making one (compiling rules, RE2 sets and the schema catalogue is most of a small lint): for
  /// callers that lint again and again with one policy (fix's verification, the language server).
  /// Null: made from this request.
  std::shared_ptr<const Linter> linter;
};

/// The policy files a request reads: its own, or (with no profile and no policy file, when it
/// discovers) the `.chartproof.yaml` of its working folder or a parent; none when there is none.
std::vector<std::string> request_policy_files(const LintRequest& request);

/// The policy a request uses: its profile and policy files, or the discovered `.chartproof.yaml`.
Expected<Policy> request_policy(const LintRequest& request);

/// The linter options of a request: its policy, with the request's own fields on top.
Expected<LintOptions> request_options(const LintRequest& request);

/// The linter of a request's options, to reuse through LintRequest::linter.
Expected<std::shared_ptr<const Linter>> request_linter(const LintRequest& request);

/// Reads paths (files, directories searched for *.yaml / *.yml, `-` for stdin) into sources.
Expected<std::vector<SourceFile>> read_inputs(const std::vector<std::string>& paths);

/// The nearest enclosing chart folder of each file, each once, relative to the current folder.
std::vector<std::string> enclosing_charts(const std::vector<std::string>& files);

/// Lints what the request names: reads the policy, creates the linter, renders each chart folder,
/// reads the other inputs, and lints them in one run. Errors carry their kind and location.
Expected<LintReport> lint_request(const LintRequest& request);

}  // namespace chartproof
