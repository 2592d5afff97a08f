// service-account-token-mounted: the API token is mounted into a pod that does not opt out.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class ServiceAccountTokenMounted : public Rule {
 public:
  explicit ServiceAccountTokenMounted(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    const Field& spec = r.pod->spec;
    Node pod_setting = spec.node.get("automountServiceAccountToken");
    // The pod's setting wins over the ServiceAccount's (Kubernetes API semantics).
    if (auto pod_value = pod_setting.as_bool()) {
      if (!*pod_value) return;
      out.report(r, Field{pod_setting, spec.path + ".automountServiceAccountToken", {}, {}, FieldFix{{}, "false"}},
                 "pod mounts its service account token (automountServiceAccountToken: true)");
      return;
    }
    std::string_view sa_name = spec.node.get_text("serviceAccountName");
    if (sa_name.empty()) sa_name = spec.node.get_text("serviceAccount");
    if (sa_name.empty()) sa_name = "default";
    if (const Resource* sa = graph.find("ServiceAccount", r.ref.namespace_, sa_name)) {
      if (sa->root.get("automountServiceAccountToken").as_bool() == false) return;
    }
    out.report(r, Field{spec.node, spec.path + ".automountServiceAccountToken", {}, {}, FieldFix{{}, "false"}},
               "pod mounts the token of service account " + in_quotes(sa_name) +
                   "; neither the pod nor the ServiceAccount sets automountServiceAccountToken: false");
  }
};

}  // namespace

RuleDefinition service_account_token_mounted_rule() {
  return define<ServiceAccountTokenMounted>(RuleMeta{
      .id = "service-account-token-mounted",
      .pack = "security",
      .severity = Severity::Info,
      .enabled_by_default = false,
      .kinds = workload_kinds(),
      .summary = "Pods that do not call the Kubernetes API should not mount a service account token.",
      .rationale =
          "Every pod gets a token for its service account mounted at /var/run/secrets/kubernetes.io/"
          "serviceaccount unless the pod or its ServiceAccount sets automountServiceAccountToken: false; an "
          "attacker in a web container can then use whatever RBAC that account has. The pod's setting overrides "
          "the ServiceAccount's; a ServiceAccount not in the input is assumed to mount. Off in the recommended "
          "profile, on in strict.",
      .remediation = "Set `automountServiceAccountToken: false` on the pod spec (or on a dedicated ServiceAccount).",
      .automatic_fix = "`automountServiceAccountToken: false` in the pod spec."});
}

}  // namespace chartproof::rules
