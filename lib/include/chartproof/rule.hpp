#pragma once
/// \file
/// The rule interface: metadata, parameters, and the check a rule runs on one resource.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chartproof/finding.hpp"
#include "chartproof/graph.hpp"
#include "chartproof/model.hpp"
#include "chartproof/options.hpp"

namespace chartproof {

struct ChartFolder;  // chartproof/chart_folder.hpp: what a chart rule reads (source maps and all)

// ParamValue (an integer, string, boolean or list of strings) is declared in policy.hpp, which
// reads it from policy files.

/// "an integer", "a string", "a boolean", "a list of strings" — for messages.
std::string_view param_type_name(const ParamValue& value);

/// A parameter value as policy YAML writes it: 3, "500m", true, ["a", "b"].
std::string param_value_text(const ParamValue& value);

/// A parameter a rule declares, with its default.
struct ParamSpec {
  std::string name;
  std::string description;
  ParamValue default_value;  ///< its type is the parameter's type
  /// Optional: why a value of the right type is unusable (`1GB` is not a quantity), checked where a
  /// policy sets it, so a bad bound is a located error instead of a silently disabled check.
  std::function<std::optional<std::string>(const ParamValue&)> check = {};
};

struct RuleMeta;

/// Makes `value` a value of `spec`, the one judgement the policy reader and the linter share: a
/// number given for a string parameter (`max_cpu_limit: 4`) becomes its text; then the type must be
/// the parameter's and pass its check. Returns why it is not usable (naming the parameter and rule).
std::optional<std::string> accept_param_value(const RuleMeta& rule, const ParamSpec& spec, ParamValue& value);

/// What a rule looks at. A rule has one subject; invalid-resource alone has two (`Resource |
/// Document`): a document that is YAML but no object has no resource to carry annotations,
/// exemptions or scopes, and it keeps its one id for both.
enum class RuleSubject : std::uint8_t {
  Resource = 1,  ///< every Kubernetes object it `inspects` (Rule::check)
  Document = 2,  ///< every YAML document, object or not (Rule::check_document)
  Chart = 4,     ///< every chart folder in chart mode: its own files and renders (Rule::check_chart)
  Run = 8,       ///< the run as a whole, after every input: exemptions, the baseline (Rule::check_run)
};
constexpr RuleSubject operator|(RuleSubject a, RuleSubject b) {
  return static_cast<RuleSubject>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}

/// What a rule is, for selection, docs and output.
struct RuleMeta {
  std::string id;    ///< kebab-case, names the problem
  std::string pack;  ///< security, probes, resources, secrets, selectors, schema, ...
  Severity severity = Severity::Error;
  bool enabled_by_default = true;
  std::vector<std::string> kinds;  ///< kinds it inspects; empty means every kind (or documents)
  std::string summary;
  std::string rationale;
  std::string remediation;
  /// What `chartproof fix` writes for its findings (the rule sets Field::fix where it reports), in
  /// words for docs and `explain`; empty when the fix needs a person's judgement. The fixture test
  /// holds the two together: a finding with a fix only from a rule that says so, and such a rule's
  /// fail.yaml holds one.
  std::string automatic_fix = {};
  std::vector<ParamSpec> params;
  /// What the rule checks, so the engine calls that entry point and no other: each resource
  /// (Rule::check, the default), each document (check_document), each chart folder (check_chart)
  /// or the run as a whole (check_run).
  RuleSubject subject = RuleSubject::Resource;
  /// True when the engine calls this subject's entry point for the rule.
  bool checks(RuleSubject what) const {
    return (static_cast<std::uint8_t>(subject) & static_cast<std::uint8_t>(what)) != 0;
  }
  bool sensitive = false;           ///< findings point at secret values (their source lines are masked in output)
  bool needs_probe_render = false;  ///< chart mode renders each chart a second time for this rule
  bool needs_schemas = false;       ///< reads RuleContext::schemas (the linter loads them only then)

  /// True when the rule checks resources of this kind (an empty `kinds` means every kind).
  bool inspects(std::string_view kind) const {
    return checks(RuleSubject::Resource) &&
           (kinds.empty() || std::find(kinds.begin(), kinds.end(), kind) != kinds.end());
  }
};

/// True when `list` (--enable, --disable, an ignore annotation, an exemption) names the rule by its
/// id or its pack, or says "all".
inline bool lists_rule(const std::vector<std::string>& list, std::string_view id, std::string_view pack) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return s == id || s == pack || s == "all"; });
}

/// Resolved parameters of a rule instance (defaults overlaid with configuration).
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, ParamValue> values) : values_(std::move(values)) {}
  std::int64_t get_int(const std::string& name) const;
  const std::string& get_string(const std::string& name) const;
  bool get_bool(const std::string& name) const;
  const std::vector<std::string>& get_list(const std::string& name) const;
  const std::map<std::string, ParamValue>& values() const { return values_; }

 private:
  std::map<std::string, ParamValue> values_;
};

/// Where a rule sends what it found; the engine fills in id, severity and location.
class Reporter {
 public:
  virtual ~Reporter() = default;
  /// Reports a problem of `resource` at `field` (its node gives the line; its path the field path).
  virtual void report(const Resource& resource, const Field& field, std::string message) = 0;
  /// Like report(), for a case the rule considers milder: the finding's severity is at most `cap`.
  virtual void report_at_most(const Resource& resource, const Field& field, std::string message, Severity cap) = 0;
  /// Reports a problem of a document that is not (or not yet) a resource.
  virtual void report_document(const ParsedDocument& document, std::uint32_t line, std::uint32_t column,
                               std::string message) = 0;
  /// Reports a problem at a position of a file that is not an input document (a policy file).
  virtual void report_file(const std::string& file, std::uint32_t line, std::uint32_t column, std::string message) = 0;
};

class Schemas;  // the schemas of a run (lib/src/kubeschema/schemas.hpp): opaque outside the schema rules

/// An exemption of the run's policy and whether it removed a finding (for the policy pack).
struct ExemptionUse {
  const Exemption* exemption;
  bool expired = false;
  bool used = false;
};

/// What a resource, document or chart check may read besides its subject: one context per lint
/// context (the plain files, or one chart), the same for every rule.
struct RuleContext {
  const ResourceGraph& graph;          ///< every resource of the input (or of the chart being linted)
  const LintOptions& options;          ///< the run's typed options (Kubernetes version, schema mode, ...)
  const Schemas* schemas = nullptr;    ///< null when no enabled rule asked for schemas (RuleMeta::needs_schemas)
  const ChartFolder* chart = nullptr;  ///< chart mode: the chart folder whose render holds the subject
};

/// What a run check (RuleSubject::Run) reads: the run's outcome over every lint context, known only
/// once every other check is done.
struct RunContext {
  const LintOptions& options;
  const std::vector<ExemptionUse>& exemptions;         ///< each policy exemption, and whether it was used
  const std::vector<BaselineUse>* baseline = nullptr;  ///< the baseline's entries and their matches; null: none
};

/// A check. Instances are immutable after construction; every check is const and reentrant.
class Rule {
 public:
  virtual ~Rule() = default;
  /// Checks one resource (only of `meta().kinds`, when that list is not empty).
  virtual void check(const Resource& resource, const RuleContext& ctx, Reporter& out) const;
  /// Checks one document before it becomes resources (parse-level rules).
  virtual void check_document(const ParsedDocument& document, const RuleContext& ctx, Reporter& out) const;
  /// Checks a chart folder's own files (chart mode).
  virtual void check_chart(const ChartFolder& chart, const RuleContext& ctx, Reporter& out) const;
  /// Runs once after every other check of the run (the policy pack judges the exemptions here).
  virtual void check_run(const RunContext& ctx, Reporter& out) const;
};

/// A rule's metadata and how to make an instance from resolved parameters.
struct RuleDefinition {
  RuleMeta meta;
  std::function<std::unique_ptr<Rule>(const Params&)> make;
  /// Optional: why these parameters are unusable (a malformed contract), checked before `make`.
  std::function<std::optional<std::string>(const Params&)> validate = {};
};

/// Every built-in rule, pack by pack, in a stable order.
const std::vector<RuleDefinition>& builtin_rules();

}  // namespace chartproof
