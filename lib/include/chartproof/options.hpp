#pragma once
/// \file
/// What configures a lint run: rule selection, policy settings and the Kubernetes target.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chartproof/baseline.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/policy.hpp"

namespace chartproof {

/// How unknown fields are treated: `Strict` reports them (unknown-field), `Lenient` does not.
enum class SchemaMode : std::uint8_t { Strict, Lenient };

class RuleCatalogue;  // chartproof/rule_pack.hpp

/// Everything that selects and configures rules for a run.
struct LintOptions {
  /// The rules the run knows: the built-in packs and any rule packs; null means the built-in ones.
  std::shared_ptr<const RuleCatalogue> catalogue;
  std::string default_namespace = "default";
  /// Rule ids or pack names to switch on / off; disable wins over enable.
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  /// Per-rule configuration (profiles and policies), applied before enable/disable.
  std::map<std::string, RuleConfig> rules;
  /// Exceptions granted by policies.
  std::vector<Exemption> exemptions;
  /// Rules declared in policies.
  std::vector<CustomRuleSpec> custom_rules;
  /// Today as YYYY-MM-DD, for exemption expiry; empty means the system date (UTC).
  std::string today;
  /// Kubernetes version the schema rules check against ("1.30"); empty: the newest bundled.
  std::string kube_version;
  /// Pod Security Admission's policy version where neither a namespace's `-version` label nor the
  /// pod-security rule's `version` sets one (`latest`, `v1.30`); empty: kube_version's.
  std::string pod_security_version;
  /// Labels of namespaces that exist outside the input (--namespace-labels, a policy's
  /// podSecurity.namespaceLabels), by namespace: pod-security-namespace reads their
  /// pod-security.kubernetes.io labels when the input does not hold that Namespace.
  std::map<std::string, std::map<std::string, std::string>> namespace_labels;
  /// The cluster's ValidatingAdmissionPolicies, bindings and param objects (--admission-policies,
  /// expanded to files and checked by the request): admission-policy evaluates them with the input's.
  std::vector<std::string> admission_policy_files;
  /// Folders of CRD files and JSON Schemas for custom kinds the input does not define.
  std::vector<std::string> schema_dirs;
  SchemaMode schema_mode = SchemaMode::Strict;
  /// Worker threads; 0 means one per core. Output is identical for any value.
  unsigned jobs = 1;
  ParseLimits limits;
  /// Findings that existed before (--baseline FILE): matched ones are moved to
  /// LintReport::baselined, unmatched entries are reported by stale-baseline-entry. Null: none.
  std::shared_ptr<const Baseline> baseline;
  /// The packs whose rules lint `helm test` hook pods (Resource::helm_test_hook); "all": every rule.
  /// A test pod runs once, briefly, at `helm test`: probes, limits and rollout settings are noise
  /// there, while what it may do (security) and how it is labelled (hygiene) still matter.
  std::vector<std::string> helm_test_packs{"hygiene", "security"};
  /// What every report of this configuration tells once, beside its findings (a policy's declared
  /// pack that the run does not have).
  std::vector<Error> notes;
};

/// Options from a policy: its rules, exemptions and custom rules.
LintOptions options_from_policy(const Policy& policy);

}  // namespace chartproof
