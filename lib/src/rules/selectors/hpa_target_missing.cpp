// hpa-target-missing: a HorizontalPodAutoscaler scales an object that is not in the input.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class HpaTargetMissing : public Rule {
 public:
  explicit HpaTargetMissing(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    auto target = view_hpa_target(r);
    if (!target || target->name.empty()) return;
    if (graph.find(target->kind, r.ref.namespace_, target->name)) return;
    // The name is right and the kind is not (a chart that moved from Deployment to StatefulSet).
    for (std::string_view kind : {"Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"}) {
      if (kind == target->kind || !graph.find(kind, r.ref.namespace_, target->name)) continue;
      Node written = r.root.get("spec").get("scaleTargetRef").get("kind");
      out.report(r, Field{written, "spec.scaleTargetRef.kind"},
                 "scaleTargetRef names " + std::string(target->kind) + " " + in_quotes(target->name) + ", but " +
                     in_quotes(target->name) + " is a " + std::string(kind) + " in namespace " +
                     in_quotes(r.ref.namespace_));
      return;
    }
    out.report(r, target->field,
               "scaleTargetRef " + std::string(target->kind) + " " + in_quotes(target->name) + " is not in namespace " +
                   in_quotes(r.ref.namespace_) + " of the input");
  }
};

}  // namespace

RuleDefinition hpa_target_missing_rule() {
  return define<HpaTargetMissing>(RuleMeta{
      .id = "hpa-target-missing",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"HorizontalPodAutoscaler"},
      .summary = "A HorizontalPodAutoscaler must target a workload of the chart.",
      .rationale = "An HPA whose scaleTargetRef names a Deployment that does not exist (a renamed release, a fullname "
                   "override) never scales anything and reports `FailedGetScale` only in its events.",
      .remediation =
          "Make `spec.scaleTargetRef.kind` and `name` match the workload (usually the same fullname template)."});
}

}  // namespace chartproof::rules
