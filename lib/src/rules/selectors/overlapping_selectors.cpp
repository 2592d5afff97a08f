// overlapping-selectors: two workloads whose selectors each match the other's pods.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class OverlappingSelectors : public Rule {
 public:
  explicit OverlappingSelectors(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    const auto& mine = r.selector;
    if (!mine || mine->empty() || !mine->error.empty()) return;
    // One finding per workload, naming the first overlap and counting the rest: a thousand copies
    // of one workload give a thousand findings, not a million.
    const Resource* first = nullptr;
    std::size_t others = 0;
    for (const Resource* other : graph.pods_selected_by(*mine, r.ref.namespace_)) {
      const auto& theirs = other->selector;
      if (other == &r || !theirs || theirs->empty() || !theirs->error.empty()) continue;
      if (!theirs->matches(r.pod->template_labels)) continue;
      if (!first)
        first = other;
      else
        ++others;
    }
    if (!first) return;
    out.report(r, mine->field,
               "selector \"" + mine->to_string() + "\" also matches the pods of " + first->describe() +
                   (others ? " (and of " + std::to_string(others) + " other workload" + (others == 1 ? "" : "s") + ")"
                           : std::string()) +
                   ", whose selector matches these pods too");
  }
};

}  // namespace

RuleDefinition overlapping_selectors_rule() {
  return define<OverlappingSelectors>(RuleMeta{
      .id = "overlapping-selectors",
      .pack = "selectors",
      .severity = Severity::Warning,
      .kinds = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"},
      .summary = "Two workloads must not select each other's pods.",
      .rationale =
          "When two controllers' selectors both match both pod templates (typically a frontend and a backend "
          "that select only on app.kubernetes.io/name and instance), each counts the other's pods as its own: "
          "scaling or rolling one deletes pods of the other. Kubernetes does not prevent it. Both workloads are "
          "reported.",
      .remediation = "Add a distinguishing label to each selector and template, e.g. `app.kubernetes.io/component: "
                     "backend`."});
}

}  // namespace chartproof::rules
