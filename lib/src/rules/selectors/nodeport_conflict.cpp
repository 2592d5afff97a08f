// nodeport-conflict: two Services with the same nodePort, or a nodePort outside the cluster's range.
#include "rules/param_checks.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class NodePortConflict : public Rule {
 public:
  explicit NodePortConflict(const Params& p) : min_(p.get_int("min_node_port")), max_(p.get_int("max_node_port")) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    ServiceView view = view_service(r);
    for (const auto& port : view.ports) {
      auto node_port = port.node_port.as_int();
      if (!node_port || *node_port == 0) continue;
      Field at{port.node_port, port.field.path + ".nodePort"};
      if (*node_port < min_ || *node_port > max_) {
        out.report(r, at,
                   "nodePort " + std::to_string(*node_port) + " is outside the node port range " +
                       std::to_string(min_) + "-" + std::to_string(max_));
        continue;
      }
      if (const Resource* first = first_user(graph, r, port.field.node, *node_port, port.protocol)) {
        out.report(r, at,
                   "nodePort " + std::to_string(*node_port) + " is already taken by " + first->describe() +
                       " (node ports are cluster-wide)");
      }
    }
  }

 private:
  // Node ports are cluster-wide: the first Service port (in input order) that claims a port and
  // protocol owns it; every later claim is reported. Returns the owner when `port_node` is not it.
  static const Resource* first_user(const ResourceGraph& graph, const Resource& self, Node port_node,
                                    std::int64_t node_port, std::string_view protocol) {
    auto proto = [](std::string_view p) { return p.empty() ? std::string_view("TCP") : p; };
    for (const Resource* svc : graph.all_of_kind("Service")) {
      if (svc->index > self.index) break;
      Node ports = svc->root.get("spec").get("ports");
      for (std::size_t i = 0; i < ports.size(); ++i) {
        Node p = ports.item(i);
        if (p == port_node) return nullptr;  // reached our own port first: we own it
        if (p.get("nodePort").as_int() == node_port && proto(p.get_text("protocol")) == proto(protocol)) return svc;
      }
    }
    return nullptr;
  }
  std::int64_t min_;
  std::int64_t max_;
};

}  // namespace

RuleDefinition nodeport_conflict_rule() {
  return define<NodePortConflict>(RuleMeta{
      .id = "nodeport-conflict",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"Service"},
      .summary = "nodePorts must be unique and inside the cluster's node port range.",
      .rationale =
          "Node ports are allocated cluster-wide: a second Service asking for the same nodePort (and protocol) "
          "is rejected (`provided port is already allocated`), and a port outside the API server's "
          "--service-node-port-range (30000-32767 unless changed) is rejected too. Both fail `helm install`. "
          "Only Services of the same input are compared; clusters with another range set the parameters.",
      .remediation = "Pick an unused port in the range, or leave nodePort out and let Kubernetes allocate one.",
      .params = {
          ParamSpec{"min_node_port", "lowest node port the cluster allows", std::int64_t{30000}, &port_problem},
          ParamSpec{"max_node_port", "highest node port the cluster allows", std::int64_t{32767}, &port_problem}}});
}

}  // namespace chartproof::rules
