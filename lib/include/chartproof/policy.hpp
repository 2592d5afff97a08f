#pragma once
/// \file
/// Policies and profiles: which rules run where, with which severities and parameters, which
/// exemptions are granted, and rules of the team's own.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/finding.hpp"

namespace chartproof {

/// A rule parameter's value: an integer, string, boolean or list of strings.
using ParamValue = std::variant<std::int64_t, std::string, bool, std::vector<std::string>>;

/// Severity, switch and parameters of a rule (unset fields keep what lies beneath).
struct RuleSettings {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, ParamValue> params;
};

/// Settings that apply only inside a scope; the last matching one wins over the rule's own.
struct ScopedRuleSettings {
  Scope scope;
  RuleSettings settings;
};

/// How one rule is configured: its settings everywhere, and per scope.
struct RuleConfig {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  std::map<std::string, ParamValue> params;
  std::vector<ScopedRuleSettings> scoped;
};

/// A granted exception: these rules do not apply to these resources, for this reason, until then.
struct Exemption {
  std::vector<std::string> rules;  ///< rule ids, pack names or "all"
  Scope scope;
  std::string reason;
  std::string expires;  ///< YYYY-MM-DD (inclusive) or empty
  std::string file;     ///< where it is written, for findings about it
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A field check of a custom rule: a path under the target, and an RE2 pattern for its value.
struct FieldCheck {
  std::string field;    ///< e.g. `image`, `securityContext.runAsUser`, `metadata.labels.team`
  std::string pattern;  ///< RE2; empty means "the field exists"
  std::string message;  ///< optional; `{field}` and `{value}` are replaced
};

/// A rule declared in a policy instead of in C++.
struct CustomRuleSpec {
  std::string id;
  std::string pack = "custom";
  Severity severity = Severity::Error;
  std::string summary;
  std::string rationale;
  std::string remediation;
  std::string target = "resource";  ///< resource, podSpec or container
  std::vector<std::string> kinds;
  Scope scope;
  std::vector<FieldCheck> require;
  std::vector<FieldCheck> forbid;
  std::string schema_json;  ///< a JSON Schema the target must satisfy (serialised), or empty
  /// A CEL expression over `self` (the target) and `object` (the resource) that must be true
  /// (docs/cel.md); `message` or the string `message_expression` evaluates to say why not.
  std::string cel;
  std::string message;
  std::string message_expression;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A policy file (`apiVersion: chartproof.io/v1`, `kind: Policy`) with its `extends` resolved.
/// A policy's `kubernetes:` section; empty fields leave the default (or the base policy's value).
struct KubernetesTarget {
  std::string version;                   ///< "1.30"
  std::vector<std::string> schema_dirs;  ///< resolved against the policy file's folder
  std::string schema_mode;               ///< "strict", "lenient" or empty
};

/// A policy's `podSecurity:` section: the policy version and the labels of namespaces outside the input.
struct PodSecuritySettings {
  std::string version;  ///< `latest`, `v1.30`; empty: the Kubernetes version's
  std::map<std::string, std::map<std::string, std::string>> namespace_labels;
};

struct Policy {
  std::string name;
  std::string file;
  std::vector<std::string> extends;  ///< as written
  KubernetesTarget kubernetes;
  PodSecuritySettings pod_security;
  std::map<std::string, RuleConfig> rules;
  std::vector<Exemption> exemptions;
  std::vector<CustomRuleSpec> custom_rules;
  /// `packs:`: the rule packs this policy's rules come from. A declaration only: packs are loaded by
  /// the front end (--pack, the Python API), never because a policy names them.
  std::vector<std::string> packs;
  /// `helmTests.packs`: the packs whose rules lint `helm test` hook pods (helm.sh/hook: test); unset:
  /// the default (LintOptions::helm_test_packs).
  std::optional<std::vector<std::string>> helm_test_packs;
  /// What the run should be told once: a declared pack this run does not have, and the rules and
  /// exemption entries of it that were skipped (located at the `packs:` entry).
  std::vector<Error> notes;
};

class RuleCatalogue;  // chartproof/rule_pack.hpp: the rules a policy may name; null means the built-in ones

/// Parses one policy document: JSON Schema first (policies/schema/policy.schema.json), then the
/// meaning (rule ids, parameter types, scopes). `extends` is recorded, not followed.
Expected<Policy> parse_policy(std::string_view text, const std::string& file, const RuleCatalogue* rules = nullptr);

/// Reads a policy file and everything it extends (built-in profiles, or a rule pack's, by name;
/// other files by path relative to it), merged base first; cycles are an error.
Expected<Policy> load_policy_file(const std::filesystem::path& path, const RuleCatalogue* rules = nullptr);

/// A built-in profile (`recommended`, `strict`, `pss-baseline`, `pss-restricted`) with its extends applied.
Expected<Policy> load_builtin_profile_policy(std::string_view name);

/// The rule configuration of a built-in profile (kept for callers that need only the rules).
Expected<std::map<std::string, RuleConfig>> load_builtin_profile(std::string_view name);

/// Names of the built-in profiles.
std::vector<std::string> builtin_profile_names();

/// The policy a run uses: the `profile` (built-in or a rule pack's; when given, or when there are
/// no files: then `recommended`), with each policy file merged on top in order (later wins).
Expected<Policy> effective_policy(const std::string& profile, const std::vector<std::string>& files,
                                  const RuleCatalogue* rules = nullptr);

/// `.chartproof.yaml` in `start` or the nearest parent folder that has one.
std::optional<std::filesystem::path> discover_policy(const std::filesystem::path& start);

/// Overlays `top` on `base`: per rule, every field `top` sets wins; params merge by name; scoped
/// settings, exemptions and custom rules accumulate (a custom rule with the same id is replaced).
void merge_policy(Policy& base, const Policy& top);
void merge_rule_configs(std::map<std::string, RuleConfig>& base, const std::map<std::string, RuleConfig>& top);

/// The JSON Schema of policy files (policies/schema/policy.schema.json), as text.
std::string_view policy_json_schema();

}  // namespace chartproof
