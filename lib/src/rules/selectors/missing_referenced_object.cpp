// missing-referenced-object: a pod refers to a ConfigMap, Secret, ServiceAccount or PVC not in the input.
#include "rules/rule_support.hpp"
#include "rules/selectors/external_names.hpp"

namespace chartproof::rules {
namespace {

class MissingReferencedObject : public Rule {
 public:
  explicit MissingReferencedObject(const Params& p) : external_(p) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    for (const auto& ref : pod_references(*r.pod)) {
      if (ref.optional || graph.find(ref.kind, r.ref.namespace_, ref.name)) continue;
      // Every namespace has a "default" ServiceAccount.
      if (ref.kind == "ServiceAccount" && ref.name == "default") continue;
      if (external_.contains(ref.name)) continue;
      out.report(r, ref.field,
                 std::string(ref.kind) + " " + in_quotes(ref.name) + " is referenced but not in namespace " +
                     in_quotes(r.ref.namespace_) + " of the input");
    }
  }

 private:
  ExternalNames external_;
};

}  // namespace

RuleDefinition missing_referenced_object_rule() {
  return define<MissingReferencedObject>(RuleMeta{
      .id = "missing-referenced-object",
      .pack = "selectors",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "ConfigMaps, Secrets, ServiceAccounts and PVCs a pod uses should be part of the release.",
      .rationale = "A pod that mounts or reads a ConfigMap or Secret that does not exist stays in ContainerCreating "
                   "(`CreateContainerConfigError`) and a missing ServiceAccount blocks pod creation altogether; helm "
                   "reports success and the rollout hangs. References marked optional: true and the namespace's "
                   "\"default\" ServiceAccount are not reported. Objects created outside the chart (`kubectl create "
                   "secret`, an operator) are declared with the `external` parameter.",
      .remediation = "Add the object to the chart, mark the reference `optional: true`, or list its name in the rule's "
                     "`external` parameter.",
      .params = {external_names_param()}});
}

}  // namespace chartproof::rules
