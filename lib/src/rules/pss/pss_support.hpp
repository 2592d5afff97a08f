#pragma once
// What the pss pack's rules share: the policy version a run checks against, and admission's wording
// of a verdict.
#include "chartproof/rule.hpp"
#include "kubeschema/kube_schemas.hpp"
#include "rules/pss/admission_checks.hpp"
#include "rules/rule_support.hpp"
#include "rules/target_version.hpp"

namespace chartproof::rules::pss {

/// The policy version of a run: `version` when set (`latest`, `v1.30`), else the policy's
/// podSecurity.version, else --kube-version's minor,
/// else the newest bundled Kubernetes version's (what the API server of the target cluster applies
/// to a namespace labelled without `-version`, which means `latest`).
inline int policy_version(std::string_view version, const LintOptions& options) {
  if (auto v = parse_version(version)) return *v;
  if (auto v = parse_version(options.pod_security_version)) return *v;
  const int minor = target_kube_minor(options);
  return minor > 0 ? minor : kLatest;
}

/// The kinds Pod Security Admission evaluates: the workloads and PodTemplate.
inline std::vector<std::string> pod_template_kinds() {
  std::vector<std::string> kinds = workload_kinds();
  kinds.emplace_back("PodTemplate");
  return kinds;
}

/// `violates PodSecurity "restricted:v1.36": host namespaces (hostNetwork=true)` — admission's words.
inline std::string verdict(Level level, int minor, const Violation& v) {
  return "violates PodSecurity \"" + std::string(level_name(level)) + ":" + version_name(minor) + "\": " + v.reason +
         " (" + v.detail + ")";
}

}  // namespace chartproof::rules::pss
