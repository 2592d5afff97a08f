// pdb-selects-nothing: a PodDisruptionBudget that protects no pod.
#include "rules/selectors/pod_selector_support.hpp"

namespace chartproof::rules {
namespace {

class PdbSelectsNothing : public Rule {
 public:
  explicit PdbSelectsNothing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    // policy/v1: a null selector selects no pods (an empty one, `{}`, selects every pod of the
    // namespace); the budget then protects nothing.
    Node spec = r.root.get("spec");
    Node selector = spec.get("selector");
    if (!selector || selector.is_null()) {
      out.report(r, Field{spec ? spec : r.root, spec ? "spec.selector" : std::string()},
                 "PodDisruptionBudget has no selector: it selects no pods and protects nothing during node drains");
      return;
    }
    check_pod_selector_matches(r, ctx.graph, out, "the budget protects nothing during node drains");
  }
};

}  // namespace

RuleDefinition pdb_selects_nothing_rule() {
  return define<PdbSelectsNothing>(RuleMeta{
      .id = "pdb-selects-nothing",
      .pack = "selectors",
      .severity = Severity::Warning,
      .kinds = {"PodDisruptionBudget"},
      .summary = "A PodDisruptionBudget should select the pods it is meant to protect.",
      .rationale =
          "A PDB whose selector matches no pod is accepted and silently does nothing: a node drain or cluster "
          "upgrade can then evict every replica at once. Only pod templates in the same namespace of the input "
          "are considered. A policy/v1 PDB without `spec.selector` (or with `selector: null`) selects no pods "
          "at all (an empty selector `{}` selects every pod of the namespace: PodDisruptionBudgetSpec, "
          "k8s.io/api/policy/v1).",
      .remediation = "Use the same labels as the workload's `spec.selector.matchLabels`."});
}

}  // namespace chartproof::rules
