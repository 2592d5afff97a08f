// ingress-backend-missing: an Ingress routes to a Service or Service port that is not in the input.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class IngressBackendMissing : public Rule {
 public:
  explicit IngressBackendMissing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    for (const auto& backend : view_ingress_backends(r)) {
      if (backend.service_name.empty()) continue;
      const Resource* svc = graph.find("Service", r.ref.namespace_, backend.service_name);
      if (!svc) {
        out.report(r, backend.service,
                   "backend Service " + in_quotes(backend.service_name) + " is not in namespace " +
                       in_quotes(r.ref.namespace_) + " of the input");
        continue;
      }
      ServiceView view = view_service(*svc);
      bool by_number = static_cast<bool>(backend.port_number);
      Node wanted = by_number ? backend.port_number : backend.port_name;
      if (!wanted.is_scalar()) continue;
      bool found = false;
      for (const auto& p : view.ports) {
        found |= by_number ? (p.port && std::to_string(*p.port) == wanted.text()) : p.name == wanted.text();
      }
      if (!found) {
        out.report(r, Field{wanted, backend.port_path},
                   "Service " + in_quotes(backend.service_name) + " has no port " + in_quotes(wanted.text()));
      }
    }
  }
};

}  // namespace

RuleDefinition ingress_backend_missing_rule() {
  return define<IngressBackendMissing>(RuleMeta{
      .id = "ingress-backend-missing",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"Ingress"},
      .summary = "An Ingress must route to a Service and port that exist.",
      .rationale =
          "The ingress controller answers 503 for a backend whose Service does not exist, and routes nowhere "
          "for a port number or name the Service does not have; the API server accepts both. The Service must be "
          "in the Ingress's namespace (Kubernetes does not route across namespaces). Both the "
          "networking.k8s.io/v1 shape (service.name, service.port.number|name) and the older "
          "serviceName/servicePort shape are read.",
      .remediation =
          "Point `backend.service.name` at a Service of the chart and `port.number`/`port.name` at one of its "
          "ports."});
}

}  // namespace chartproof::rules
