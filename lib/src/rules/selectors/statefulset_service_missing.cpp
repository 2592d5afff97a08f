// statefulset-service-missing: a StatefulSet's serviceName names no headless Service of its namespace.
#include "rules/rule_support.hpp"
#include "rules/selectors/external_names.hpp"

namespace chartproof::rules {
namespace {

class StatefulSetServiceMissing : public Rule {
 public:
  explicit StatefulSetServiceMissing(const Params& p) : external_(p) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    Node name = r.root.get("spec").get("serviceName");
    // Optional since Kubernetes 1.30 (no per-pod DNS names are wanted then); a non-string is schema-violation's.
    if (!name || !name.is_scalar() || name.text().empty() || external_.contains(name.text())) return;
    Field at{name, "spec.serviceName"};
    const Resource* service = ctx.graph.find("Service", r.ref.namespace_, name.text());
    if (!service) {
      out.report(r, at,
                 "serviceName " + in_quotes(name.text()) + " is not a Service of namespace " +
                     in_quotes(r.ref.namespace_) + " in the input: its pods get no stable DNS names");
      return;
    }
    // Per-pod DNS records (pod-0.<service>...) are published for headless Services only.
    if (service->root.get("spec").get_text("clusterIP") != "None") {
      out.report(r, at,
                 "serviceName " + in_quotes(name.text()) +
                     " is not a headless Service (clusterIP: None): its pods get no per-pod DNS names");
    }
  }

 private:
  ExternalNames external_;
};

}  // namespace

RuleDefinition statefulset_service_missing_rule() {
  return define<StatefulSetServiceMissing>(RuleMeta{
      .id = "statefulset-service-missing",
      .pack = "selectors",
      .severity = Severity::Warning,
      .kinds = {"StatefulSet"},
      .summary = "A StatefulSet's serviceName should name a headless Service of the release.",
      .rationale =
          "serviceName is the governing Service that gives each pod its stable network identity "
          "(`web-0.<serviceName>.<namespace>.svc`); the API reference says it must exist before the "
          "StatefulSet. Cluster DNS publishes those per-pod records only for a headless Service "
          "(`clusterIP: None`) that exists. The API server accepts the StatefulSet without it and the pods run, "
          "so this is a warning, but peers that address pods by name (database replicas, quorum members) cannot "
          "find each other. serviceName is optional since Kubernetes 1.30; an empty one is not reported. A "
          "Service created outside the chart is declared with the `external` parameter.",
      .remediation = "Add a Service with `clusterIP: None` and the StatefulSet's pod labels as selector, named as "
                     "`serviceName` (usually the same fullname template), or list its name in `external`.",
      .params = {external_names_param()}});
}

}  // namespace chartproof::rules
