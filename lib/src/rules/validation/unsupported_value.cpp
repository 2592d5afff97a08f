// unsupported-value: a field with a fixed set of values (a protocol, a policy, a type) set to one
// the API server does not support. The schema types these fields as plain strings; the per-kind
// validation checks the values (field.NotSupported).
#include <algorithm>
#include <array>
#include <cctype>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

struct EnumField {
  std::string_view kind;     // a kind, or "pod" for every pod spec (pattern relative to the PodSpec)
  std::string_view pattern;  // dotted path; `[]` after a key walks every item of that list
  std::vector<std::string_view> values;
};

// The fields and their supported values, from the validation functions that check them
// (pkg/apis/core/validation, apps, batch, networking, policy).
const std::vector<EnumField>& enum_fields() {
  static const std::vector<EnumField> fields = {
      {"pod", "restartPolicy", {"Always", "OnFailure", "Never"}},
      {"pod", "dnsPolicy", {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"}},
      {"pod", "containers[].imagePullPolicy", {"Always", "IfNotPresent", "Never"}},
      {"pod", "initContainers[].imagePullPolicy", {"Always", "IfNotPresent", "Never"}},
      {"pod", "containers[].ports[].protocol", {"SCTP", "TCP", "UDP"}},
      {"pod", "initContainers[].ports[].protocol", {"SCTP", "TCP", "UDP"}},
      {"pod", "containers[].terminationMessagePolicy", {"File", "FallbackToLogsOnError"}},
      {"pod", "initContainers[].terminationMessagePolicy", {"File", "FallbackToLogsOnError"}},
      {"pod", "containers[].volumeMounts[].mountPropagation", {"None", "HostToContainer", "Bidirectional"}},
      {"pod", "initContainers[].restartPolicy", {"Always"}},
      {"pod", "tolerations[].operator", {"Equal", "Exists"}},
      {"pod", "tolerations[].effect", {"NoSchedule", "PreferNoSchedule", "NoExecute"}},
      {"pod", "topologySpreadConstraints[].whenUnsatisfiable", {"DoNotSchedule", "ScheduleAnyway"}},
      {"pod", "topologySpreadConstraints[].nodeAffinityPolicy", {"Honor", "Ignore"}},
      {"pod", "topologySpreadConstraints[].nodeTaintsPolicy", {"Honor", "Ignore"}},
      {"pod", "securityContext.seccompProfile.type", {"Localhost", "RuntimeDefault", "Unconfined"}},
      {"pod", "containers[].securityContext.seccompProfile.type", {"Localhost", "RuntimeDefault", "Unconfined"}},
      {"pod", "securityContext.fsGroupChangePolicy", {"OnRootMismatch", "Always"}},
      {"pod",
       "volumes[].hostPath.type",
       {"", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice"}},
      {"Service", "spec.type", {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}},
      {"Service", "spec.ports[].protocol", {"SCTP", "TCP", "UDP"}},
      {"Service", "spec.sessionAffinity", {"ClientIP", "None"}},
      {"Service", "spec.externalTrafficPolicy", {"Cluster", "Local"}},
      {"Service", "spec.internalTrafficPolicy", {"Cluster", "Local"}},
      {"Service", "spec.ipFamilyPolicy", {"SingleStack", "PreferDualStack", "RequireDualStack"}},
      {"Service", "spec.ipFamilies[]", {"IPv4", "IPv6"}},
      {"Deployment", "spec.strategy.type", {"Recreate", "RollingUpdate"}},
      {"StatefulSet", "spec.podManagementPolicy", {"OrderedReady", "Parallel"}},
      {"StatefulSet", "spec.updateStrategy.type", {"RollingUpdate", "OnDelete"}},
      {"DaemonSet", "spec.updateStrategy.type", {"RollingUpdate", "OnDelete"}},
      {"CronJob", "spec.concurrencyPolicy", {"Allow", "Forbid", "Replace"}},
      {"Job", "spec.completionMode", {"NonIndexed", "Indexed"}},
      {"Ingress", "spec.rules[].http.paths[].pathType", {"Exact", "Prefix", "ImplementationSpecific"}},
      {"NetworkPolicy", "spec.policyTypes[]", {"Ingress", "Egress"}},
      {"NetworkPolicy", "spec.ingress[].ports[].protocol", {"SCTP", "TCP", "UDP"}},
      {"NetworkPolicy", "spec.egress[].ports[].protocol", {"SCTP", "TCP", "UDP"}},
      {"PersistentVolumeClaim",
       "spec.accessModes[]",
       {"ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"}},
      {"PersistentVolumeClaim", "spec.volumeMode", {"Block", "Filesystem"}},
      {"PodDisruptionBudget", "spec.unhealthyPodEvictionPolicy", {"IfHealthyBudget", "AlwaysAllow"}},
  };
  return fields;
}

// Calls fn(node, path) for each node `pattern` reaches from `node`.
template <typename Fn>
void each_at(Node node, std::string_view pattern, const std::string& path, Fn&& fn) {
  if (pattern.empty()) {
    fn(node, path);
    return;
  }
  std::size_t dot = pattern.find('.');
  std::string_view step = pattern.substr(0, dot);
  std::string_view rest = dot == std::string_view::npos ? std::string_view() : pattern.substr(dot + 1);
  const bool list = step.ends_with("[]");
  if (list) step.remove_suffix(2);
  Node next = node.get(step);
  if (!next) return;
  std::string at = path.empty() ? std::string(step) : path + "." + std::string(step);
  if (!list) {
    each_at(next, rest, at, fn);
    return;
  }
  for (std::size_t i = 0; next.is_seq() && i < next.size(); ++i) {
    each_at(next.item(i), rest, at + "[" + std::to_string(i) + "]", fn);
  }
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

class UnsupportedValue : public Rule {
 public:
  explicit UnsupportedValue(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const EnumField& f : enum_fields()) {
      const bool pod_field = f.kind == "pod";
      if (pod_field ? !r.pod : f.kind != r.ref.kind) continue;
      Node from = pod_field ? r.pod->spec.node : r.root;
      const std::string& base = pod_field ? r.pod->spec.path : std::string();
      each_at(from, f.pattern, base, [&](Node value, const std::string& at) {
        // An empty string is unset: defaulting fills these fields before validation runs.
        if (!value.is_scalar() || value.is_null() || value.text().empty()) return;
        for (auto v : f.values) {
          if (value.text() == v) return;
        }
        std::string supported;
        for (auto v : f.values) supported += (supported.empty() ? "" : ", ") + in_quotes(v);
        // A value that is a supported one spelled in other case (`tcp`, `always`) is fixed with it.
        Field field{value, at};
        for (auto v : f.values) {
          if (!v.empty() && equal_ignoring_case(value.text(), v)) field.fix = FieldFix{{}, std::string(v)};
        }
        out.report(r, field,
                   at.substr(at.rfind('.') + 1) + ": Unsupported value: " + in_quotes(value.text()) +
                       ": supported values: " + supported);
      });
    }
  }
};

}  // namespace

RuleDefinition unsupported_value_rule() {
  return define<UnsupportedValue>(RuleMeta{
      .id = "unsupported-value",
      .pack = "validation",
      .severity = Severity::Error,
      .summary = "Fields with a fixed set of values (protocols, policies, types) must use one of them.",
      .rationale = "The OpenAPI schema types fields like a port's protocol, a Service's type, a pod's restartPolicy or "
                   "dnsPolicy, imagePullPolicy, a toleration's operator and effect, a Deployment's strategy type or a "
                   "CronJob's concurrencyPolicy as plain strings; the API server's validation accepts only the values "
                   "Kubernetes defines and rejects anything else with `Unsupported value` (field.NotSupported in "
                   "pkg/apis/core/validation/validation.go, pkg/apis/apps/validation, pkg/apis/batch/validation, "
                   "pkg/apis/networking/validation, pkg/apis/policy/validation). Values are case-sensitive: `tcp`, "
                   "`always` and `nodeport` are refused.",
      .remediation = "Use one of the supported values the message lists, spelled as Kubernetes spells it.",
      .automatic_fix = "the supported value as Kubernetes spells it, where the value is one in other case (`always`: "
                       "`Always`, `tcp`: `TCP`)."});
}

}  // namespace chartproof::rules
