// pdb-selects-nothing: a PodDisruptionBudget that protects no pod.
#include "rules/selectors/pack.hpp"
#include "rules/selectors/pod_selector_support.hpp"

namespace chartproof::rules {
namespace {

class PdbSelectsNothing : public Rule {
 public:
  explicit PdbSelectsNothing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    check_pod_selector_matches(r, graph, out, "the budget protects nothing during node drains");
  }
};

}  // namespace

RuleDefinition pdb_selects_nothing_rule() {
  return define<PdbSelectsNothing>(
      RuleMeta{"pdb-selects-nothing",
               "selectors",
               Severity::Warning,
               true,
               {"PodDisruptionBudget"},
               "A PodDisruptionBudget should select the pods it is meant to protect.",
               "A PDB whose selector matches no pod is accepted and silently does nothing: a node drain or cluster "
               "upgrade can then evict every replica at once. Only pod templates in the same namespace of the input "
               "are considered.",
               "Use the same labels as the workload's `spec.selector.matchLabels`.",
               {}});
}

}  // namespace chartproof::rules
