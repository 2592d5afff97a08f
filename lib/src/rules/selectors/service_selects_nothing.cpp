// service-selects-nothing: a Service whose selector matches no pod template of the input.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class ServiceSelectsNothing : public Rule {
 public:
  explicit ServiceSelectsNothing(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    ServiceView service = view_service(r);
    // No selector (or an empty one) means endpoints are managed by hand; ExternalName has no pods.
    if (!service.selector || service.selector->empty() || service.type == "ExternalName") return;
    if (!graph.pods_selected_by(*service.selector, r.ref.namespace_).empty()) return;
    std::string message = "selector \"" + service.selector->to_string() + "\" matches no pod template in namespace " +
                          in_quotes(r.ref.namespace_);
    if (const Resource* near = nearest_workload(graph, *service.selector, r.ref.namespace_)) {
      message += "; nearest is " + near->describe() +
                 " (its pod template: " + join_phrases(service.selector->mismatches(near->pod->template_labels)) + ")";
    }
    out.report(r, service.selector->field, message);
  }

 private:
  // The workload sharing the most selector labels: usually the one the selector was meant for.
  static const Resource* nearest_workload(const ResourceGraph& graph, const LabelSelector& sel, std::string_view ns) {
    const Resource* best = nullptr;
    std::size_t best_score = 0;
    for (const Resource* w : graph.workloads_in(ns)) {
      std::size_t score = 0;
      for (const auto& [k, v] : sel.match_labels) {
        for (const auto& [lk, lv] : w->pod->template_labels) score += (lk == k && lv == v);
      }
      if (score > best_score) {
        best = w;
        best_score = score;
      }
    }
    return best;
  }
};

}  // namespace

RuleDefinition service_selects_nothing_rule() {
  return define<ServiceSelectsNothing>(RuleMeta{
      .id = "service-selects-nothing",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"Service"},
      .summary = "A Service's selector must match the pods of some workload.",
      .rationale =
          "A Service routes to the pods its selector matches. If no pod template in the namespace carries those "
          "labels, the Service has no endpoints and every request to it fails (connection refused or 503 at the "
          "ingress), though `helm install` succeeds. Services without a selector (endpoints managed by hand) and "
          "ExternalName Services are not checked. Only workloads in the same input are considered: a Service for "
          "pods deployed by another chart will be reported; suppress it with the chartproof.io/ignore annotation.",
      .remediation =
          "Make `spec.selector` equal to a subset of the target workload's `spec.template.metadata.labels`."});
}

}  // namespace chartproof::rules
