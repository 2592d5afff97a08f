// selector-template-mismatch: a workload's selector does not match its own pod template.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class SelectorTemplateMismatch : public Rule {
 public:
  explicit SelectorTemplateMismatch(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node spec = r.root.get("spec");
    Node node = spec.get("selector");
    if (!node || node.is_null()) return;  // required-field checks belong to the schema pack
    const std::string_view kind = r.ref.kind;
    // A Job's selector is generated unless manualSelector is set; a ReplicationController's is a plain map.
    if (kind == "Job" && spec.get("manualSelector").as_bool() != true) return;
    // make_resource parsed controller selectors already; a Job's, or one that is not a mapping (to
    // report it), is parsed here.
    LabelSelector parsed;
    if (!r.selector) {
      parsed = kind == "ReplicationController" ? parse_map_selector(node, "spec.selector")
                                               : parse_label_selector(node, "spec.selector");
    }
    const LabelSelector& selector = r.selector ? *r.selector : parsed;
    if (!selector.error.empty()) {
      out.report(r, selector.field, selector.error);
      return;
    }
    if (selector.empty()) {
      out.report(r, selector.field,
                 "selector is empty; the API server rejects it (it would select every pod of the namespace)");
      return;
    }
    if (!selector.matches(r.pod->template_labels)) {
      out.report(r, selector.field,
                 "selector \"" + selector.to_string() + "\" does not match the pod template labels: " +
                     join_phrases(selector.mismatches(r.pod->template_labels)));
    }
  }
};

}  // namespace

RuleDefinition selector_template_mismatch_rule() {
  return define<SelectorTemplateMismatch>(RuleMeta{
      .id = "selector-template-mismatch",
      .pack = "selectors",
      .severity = Severity::Error,
      .kinds = {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"},
      .summary = "A workload's selector must match the labels of its own pod template.",
      .rationale =
          "The controller counts and manages the pods its selector matches. The API server rejects a Deployment, "
          "ReplicaSet, StatefulSet or DaemonSet whose selector does not match its template (`selector does not "
          "match template labels`), so `helm install` fails; and since the selector of apps/v1 workloads is "
          "immutable, fixing it later needs a delete and re-create. A Job's selector is checked only with "
          "manualSelector: true, as Kubernetes generates it otherwise.",
      .remediation =
          "Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels`, using stable labels "
          "such as app.kubernetes.io/name and app.kubernetes.io/instance (not the version)."});
}

}  // namespace chartproof::rules
