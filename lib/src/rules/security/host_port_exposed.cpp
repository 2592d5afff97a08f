// host-port-exposed: a container port bound to the node (hostPort).
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class HostPortExposed : public Rule {
 public:
  explicit HostPortExposed(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node ports = c.node.get("ports");
      for (std::size_t i = 0; i < ports.size(); ++i) {
        Node host_port = ports.item(i).get("hostPort");
        auto value = host_port.as_int();
        if (!value || *value == 0) continue;
        out.report(r, Field{host_port, c.path + ".ports[" + std::to_string(i) + "].hostPort"},
                   c.describe() + " binds host port " + std::to_string(*value));
      }
    }
  }
};

}  // namespace

RuleDefinition host_port_exposed_rule() {
  return define<HostPortExposed>(RuleMeta{
      .id = "host-port-exposed",
      .pack = "security",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should not bind ports on the node.",
      .rationale = "A hostPort opens the port on the node's address, outside NetworkPolicies and Services, and limits "
                   "the workload to one pod per node and port: a rolling update then stalls when the new pod cannot be "
                   "scheduled next to the old one.",
      .remediation =
          "Remove `hostPort` and expose the port with a Service (NodePort or LoadBalancer for outside access)."});
}

}  // namespace chartproof::rules
