// service-target-port-missing: a Service port's targetPort is not exposed by the pods it selects.
#include "rules/probes/probe_support.hpp"
#include "rules/rule_support.hpp"
#include "rules/selectors/pack.hpp"

namespace chartproof::rules {
namespace {

class ServiceTargetPortMissing : public Rule {
 public:
  explicit ServiceTargetPortMissing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    ServiceView service = view_service(r);
    if (!service.selector || service.selector->empty() || service.type == "ExternalName") return;
    auto workloads = graph.pods_selected_by(*service.selector, r.ref.namespace_);
    if (workloads.empty()) return;  // service-selects-nothing reports that
    for (const auto& port : service.ports) {
      // targetPort defaults to the port itself.
      Node target = port.target_port ? port.target_port : port.field.node.get("port");
      if (!target.is_scalar()) continue;
      bool found = false;
      for (const Resource* w : workloads) {
        for (const Container& c : w->pod->containers) {
          if (c.kind == ContainerKind::Regular && container_exposes(c, target)) found = true;
        }
      }
      if (found) continue;
      Field at = port.target_port ? Field{port.target_port, port.field.path + ".targetPort"}
                                  : Field{target, port.field.path + ".port"};
      out.report(r, at,
                 "targetPort " + in_quotes(target.text()) + " of port " +
                     in_quotes(port.name.empty() ? target.text() : port.name) +
                     " is not a containerPort of any pod the Service selects (" + workloads.front()->describe() +
                     (workloads.size() > 1 ? " and others" : "") + ")");
    }
  }
};

}  // namespace

RuleDefinition service_target_port_missing_rule() {
  return define<ServiceTargetPortMissing>(
      RuleMeta{"service-target-port-missing",
               "selectors",
               Severity::Error,
               true,
               {"Service"},
               "A Service's targetPort must be a port of the pods it selects.",
               "A targetPort name that no selected container declares makes the Service's endpoints empty for that "
               "port, and a number nobody listens on makes every connection fail: the Service resolves, the pods are "
               "Ready, and requests still get `connection refused`. targetPort defaults to the port, as in Kubernetes. "
               "Only regular containers of workloads the selector matches are considered.",
               "Set targetPort to the container port's name (e.g. `targetPort: http`) or number, and declare that "
               "port in the container's `ports`.",
               {}});
}

}  // namespace chartproof::rules
