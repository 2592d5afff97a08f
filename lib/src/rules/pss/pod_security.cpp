// pod-security: a pod or pod template that Pod Security Admission rejects at the level and policy
// version the policy chooses (the pss-baseline and pss-restricted profiles turn it on).
#include "rules/pss/pss_support.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

using namespace pss;

std::optional<std::string> check_level(const ParamValue& v) {
  const auto* s = std::get_if<std::string>(&v);
  if (s && (*s == "baseline" || *s == "restricted")) return std::nullopt;
  return "must be baseline or restricted";
}
std::optional<std::string> check_version(const ParamValue& v) {
  const auto* s = std::get_if<std::string>(&v);
  if (s && (s->empty() || parse_version(*s))) return std::nullopt;
  return "must be latest or a version such as v1.30 (empty: --kube-version's)";
}

class PodSecurity : public Rule {
 public:
  explicit PodSecurity(const Params& params)
      : level_(parse_level(params.get_string("level")).value_or(Level::Restricted)),
        version_(params.get_string("version")) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (!r.pod) return;
    const int minor = policy_version(version_, ctx.options);
    for (const Violation& v : evaluate(level_, minor, *r.pod)) {
      std::string message = verdict(level_, minor, v);
      if (r.ref.kind != "Pod") message += "; admission refuses the pods " + r.describe() + " creates";
      out.report(r, v.at, std::move(message));
    }
  }

 private:
  Level level_;
  std::string version_;
};

}  // namespace

// The checks, their levels and versions, as a table for the rule's docs (from the same data the
// checks run on).
std::string checks_table() {
  std::string out = "\n\n| admission check | level | versions | forbids |\n|---|---|---|---|\n";
  for (const CheckInfo& c : checks()) {
    std::string versions;
    for (int v : c.versions) versions += (versions.empty() ? "" : ", ") + version_name(v);
    out += "| `" + std::string(c.id) + "` | " + std::string(level_name(c.level)) + " | " + versions + " | " +
           std::string(c.what) + " |\n";
  }
  return out + "\nBoth pod-security and pod-security-namespace apply every check of the table.";
}

RuleDefinition pod_security_rule() {
  return define<PodSecurity>(RuleMeta{
      .id = "pod-security",
      .pack = "pss",
      .severity = Severity::Error,
      .enabled_by_default = false,
      .kinds = pod_template_kinds(),
      .summary = "Pods must pass Pod Security Admission at the level the policy chooses.",
      .rationale =
          "Pod Security Admission (k8s.io/pod-security-admission, policy/check_*.go) evaluates every pod against "
          "the Pod Security Standards of a namespace's level and policy version, check by check: at baseline "
          "hostNamespaces, privileged, capabilities_baseline, hostPathVolumes, hostPorts, appArmorProfile, "
          "seLinuxOptions, procMount, seccompProfile_baseline, sysctls, windowsHostProcess and (from v1.34) "
          "hostProbesAndHostLifecycle; at restricted also restrictedVolumes, allowPrivilegeEscalation, "
          "runAsNonRoot, runAsUser (v1.23), seccompProfile_restricted (v1.19), capabilities_restricted (v1.22) and "
          "procMount_restricted (v1.35), each replacing the baseline check it tightens. A check applies from the "
          "version that introduced it and changes with later ones (Windows pods exempt from some restricted "
          "checks from v1.25, pods in a user namespace from some from v1.35, the safe sysctls grow). This rule "
          "reproduces that decision: one finding per failing check per pod, in admission's words, at the first "
          "field to change. Pods are refused at create time; for a workload admission only warns, and the pods "
          "its controller creates are refused. The `pss-baseline` and `pss-restricted` profiles turn it on at "
          "their level; `version` pins the policy version (default: --kube-version's, as a namespace without a "
          "`-version` label is checked at the cluster's own version)." +
          checks_table(),
      .remediation = "Change the field the message names: drop the host namespace, hostPath or hostPort; set "
                     "`runAsNonRoot: true`, `allowPrivilegeEscalation: false`, `capabilities: {drop: [ALL]}` and "
                     "`seccompProfile: {type: RuntimeDefault}` in the securityContext.",
      .automatic_fix = "for the checks one value fixes: `false` for host namespaces and privileged, "
                       "`allowPrivilegeEscalation: false` where it is written true.",
      .params = {ParamSpec{"level", "the Pod Security Standards level: baseline or restricted",
                           std::string("restricted"), check_level},
                 ParamSpec{"version", "the policy version (latest, v1.30); empty: the --kube-version's", std::string(),
                           check_version}}});
}

}  // namespace chartproof::rules
