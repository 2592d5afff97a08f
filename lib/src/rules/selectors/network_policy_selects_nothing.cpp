// network-policy-selects-nothing: a NetworkPolicy whose podSelector matches no pod.
#include "rules/selectors/pod_selector_support.hpp"

namespace chartproof::rules {
namespace {

class NetworkPolicySelectsNothing : public Rule {
 public:
  explicit NetworkPolicySelectsNothing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    check_pod_selector_matches(r, graph, out, "the policy isolates nothing");
  }
};

}  // namespace

RuleDefinition network_policy_selects_nothing_rule() {
  return define<NetworkPolicySelectsNothing>(RuleMeta{
      .id = "network-policy-selects-nothing",
      .pack = "selectors",
      .severity = Severity::Info,
      .kinds = {"NetworkPolicy"},
      .summary = "A NetworkPolicy's podSelector should match some pods.",
      .rationale =
          "A NetworkPolicy applies only to the pods its podSelector matches; with a selector that matches "
          "nothing, the pods it was written for stay open to all traffic. An empty podSelector selects every "
          "pod of the namespace and is not reported. Policies for pods of other charts are reported too, so the "
          "rule is informational.",
      .remediation = "Make `spec.podSelector.matchLabels` match the workload's pod template labels."});
}

}  // namespace chartproof::rules
