// service-target-port-missing: a Service port's targetPort is not exposed by the pods it selects.
#include "rules/port_reference.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class ServiceTargetPortMissing : public Rule {
 public:
  explicit ServiceTargetPortMissing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    ServiceView service = view_service(r);
    if (!service.selector || service.selector->empty() || service.type == "ExternalName") return;
    auto workloads = ctx.graph.pods_selected_by(*service.selector, r.ref.namespace_);
    if (workloads.empty()) return;  // service-selects-nothing reports that
    // The containers whose ports serve the Service: regular ones and native sidecars (FindPort).
    std::vector<const Container*> serving;
    for (const Resource* w : workloads) {
      for (const Container& c : w->pod->containers) {
        if (c.long_running()) serving.push_back(&c);
      }
    }
    std::string pods = workloads.front()->describe() + (workloads.size() > 1 ? " and others" : "");
    for (const auto& port : service.ports) {
      // targetPort defaults to the port itself.
      Node target = port.target_port ? port.target_port : port.field.node.get("port");
      if (!target.is_scalar()) continue;
      Field at = port.target_port ? Field{port.target_port, port.field.path + ".targetPort"}
                                  : Field{target, port.field.path + ".port"};
      std::string which = "targetPort " + in_quotes(target.text()) + " of port " +
                          in_quotes(port.name.empty() ? target.text() : port.name);
      PortRef ref = read_port_ref(target);
      if (ref.kind == PortRefKind::Invalid) {
        out.report(r, at, which + " " + invalid_port_reason(ref.text));
        continue;
      }
      if (ref.kind == PortRefKind::Name) {
        // A name resolves only to a container port of the same name and protocol; none: no endpoints.
        std::string_view protocol = port.protocol.empty() ? std::string_view("TCP") : port.protocol;
        auto named = [&](std::string_view proto) {
          return std::any_of(serving.begin(), serving.end(),
                             [&](const Container* c) { return declares_port_name(*c, ref.text, proto); });
        };
        if (named(protocol)) continue;
        out.report(r, at,
                   which +
                       (named({}) ? " names a containerPort of another protocol than the Service port's " +
                                        std::string(protocol) + ", and a name resolves only within one protocol"
                                  : " is not a containerPort name of any pod the Service selects") +
                       " (" + pods + "): the Service gets no endpoints for it");
        continue;
      }
      // A number is forwarded to the pod IP whatever `ports:` says: risky only when the pods declare
      // their ports and this is not one of them.
      bool any_declared =
          std::any_of(serving.begin(), serving.end(), [](const Container* c) { return declares_ports(*c); });
      bool declared = std::any_of(serving.begin(), serving.end(),
                                  [&](const Container* c) { return declares_port_number(*c, ref.text); });
      if (any_declared && !declared) {
        out.report_at_most(r, at,
                           which + " is not a containerPort of any pod the Service selects (" + pods +
                               "); traffic is forwarded there anyway, so check that the application listens on it",
                           Severity::Warning);
      }
    }
  }
};

}  // namespace

RuleDefinition service_target_port_missing_rule() {
  return define<ServiceTargetPortMissing>(RuleMeta{
      .id = "service-target-port-missing",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"Service"},
      .summary = "A Service's targetPort must be a port of the pods it selects.",
      .rationale =
          "The endpoints controller resolves a named targetPort to a container port with the same name and the "
          "same protocol (FindPort, k8s.io/kubernetes/pkg/api/v1/pod; native sidecars count since 1.29): a name "
          "no selected container declares, or declares only for another protocol, leaves the Service without "
          "endpoints for that port (an error). A quoted number (`targetPort: \"8080\"`) is a port name to the "
          "API server, which rejects it because a name must contain a letter (an error). A number is forwarded "
          "to the pod IP whatever `ports` says: not declared by pods that declare their ports, it is a warning "
          "(the application may still listen there); nothing when the pods declare no ports. targetPort "
          "defaults to the port, as in Kubernetes.",
      .remediation =
          "Set targetPort to the container port's name (e.g. `targetPort: http`) or number, declare that port "
          "in the container's `ports` with the Service port's protocol, and write numbers unquoted."});
}

}  // namespace chartproof::rules
