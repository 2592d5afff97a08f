// pod-security-namespace: a pod or pod template in a namespace of the input whose
// pod-security.kubernetes.io labels make admission enforce, warn or audit a level it fails.
#include <array>
#include <map>

#include "rules/pss/pss_support.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

using namespace pss;

struct Mode {
  std::string_view name;  // enforce, warn, audit
  Severity cap;
};
constexpr std::array<Mode, 3> kModes = {
    {{"enforce", Severity::Error}, {"warn", Severity::Warning}, {"audit", Severity::Info}}};

class PodSecurityNamespace : public Rule {
 public:
  explicit PodSecurityNamespace(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (!r.pod) return;
    // The Namespace of the input, else the labels given for one outside it.
    std::map<std::string, std::string> labels;
    std::string source;
    if (const Resource* ns = ctx.graph.find("Namespace", "", r.ref.namespace_)) {
      for (const auto& [k, v] : ns->labels) labels.emplace(k, v);
      source = "namespace \"" + r.ref.namespace_ + "\" has ";
    } else if (auto it = ctx.options.namespace_labels.find(r.ref.namespace_);
               it != ctx.options.namespace_labels.end()) {
      labels = it->second;
      source = "namespace \"" + r.ref.namespace_ + "\" (labels given by --namespace-labels or the policy) has ";
    } else {
      return;
    }
    auto label = [&](const std::string& key) -> std::string_view {
      auto it = labels.find(key);
      return it == labels.end() ? std::string_view() : std::string_view(it->second);
    };
    // Admission reports a pod once per mode, at the strictest mode that rejects it.
    for (const Mode& mode : kModes) {
      std::string key = "pod-security.kubernetes.io/" + std::string(mode.name);
      auto level = parse_level(label(key));
      if (!level || *level == Level::Privileged) continue;
      std::string_view version_label = label(key + "-version");
      const int minor =
          version_label.empty() ? policy_version("", ctx.options) : parse_version(version_label).value_or(kLatest);
      auto violations = evaluate(*level, minor, *r.pod);
      for (const Violation& v : violations) {
        std::string message = verdict(*level, minor, v) + "; " + source + key + "=" + std::string(level_name(*level));
        if (mode.name == "enforce") {
          message += r.ref.kind == "Pod" ? ": admission refuses the Pod"
                                         : ": admission warns on " + r.describe() + " and refuses the pods it creates";
        } else {
          message += mode.name == "warn" ? ": admission returns a warning" : ": admission records it in the audit log";
        }
        out.report_at_most(r, v.at, std::move(message), mode.cap);
      }
      if (!violations.empty()) return;
    }
  }
};

}  // namespace

RuleDefinition pod_security_namespace_rule() {
  return define<PodSecurityNamespace>(RuleMeta{
      .id = "pod-security-namespace",
      .pack = "pss",
      .severity = Severity::Error,
      .kinds = pod_template_kinds(),
      .summary = "Pods must pass the Pod Security level their namespace's labels enforce.",
      .rationale =
          "A Namespace labelled `pod-security.kubernetes.io/enforce: restricted` (or baseline, with an optional "
          "`enforce-version`) makes Pod Security Admission refuse the pods in it that fail that level "
          "(k8s.io/pod-security-admission api/constants.go and admission): whatever profile chartproof runs "
          "with, the API server applies it. Charts often create their namespace; when the input holds it, every "
          "pod and pod template in it is checked at its levels: enforce is an error (a Pod is refused; a "
          "workload is created with a warning and its controller's pods are refused), warn a warning, audit an "
          "info. The checks are pod-security's; a namespace without a `-version` label is checked at "
          "--kube-version's policy version.",
      .remediation = "Make the pod pass the namespace's level (the message names the field), or label the "
                     "namespace with the level its workloads need.",
      .automatic_fix = "for the checks one value fixes: `false` for host namespaces and privileged, "
                       "`allowPrivilegeEscalation: false` where it is written true."});
}

}  // namespace chartproof::rules
