// missing-standard-labels: Helm's recommended labels absent from an object's metadata.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class MissingStandardLabels : public Rule {
 public:
  explicit MissingStandardLabels(const Params& p) : required_(p.get_list("labels")) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (!r.metadata.is_map()) return;
    std::vector<std::string> missing;
    for (const auto& label : required_) {
      bool present = false;
      for (const auto& [k, v] : r.labels) present |= k == label;
      if (!present) missing.push_back(label);
    }
    if (missing.empty()) return;
    Node labels = r.metadata.get("labels");
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    // At the first label: in a chart, the line that writes the labels, which is the shared helper
    // (`include "app.labels"`) when one does, so every object it labels is one finding at the one
    // line to fix. Without labels, at `labels:` or `metadata:`.
    Node at = labels.is_map() && labels.size() > 0 ? labels.key_at(0) : labels ? labels : r.metadata;
    out.report(r, Field{at, labels ? "metadata.labels" : "metadata"},
               r.describe() + " lacks the recommended label" + (missing.size() > 1 ? "s " : " ") + list);
  }

 private:
  std::vector<std::string> required_;
};

}  // namespace

RuleDefinition missing_standard_labels_rule() {
  return define<MissingStandardLabels>(RuleMeta{
      .id = "missing-standard-labels",
      .pack = "hygiene",
      .severity = Severity::Info,
      .summary = "Objects should carry Helm's recommended labels.",
      .rationale = "app.kubernetes.io/name, instance, version and managed-by, and helm.sh/chart, let `kubectl get -l`, "
                   "dashboards, cost reports and cleanup scripts find everything a release created; without them, an "
                   "object is orphaned from its release in every tool but helm itself.",
      .remediation = "Add the labels in a `_helpers.tpl` template and include it in every object's metadata.labels.",
      .params = {ParamSpec{
          "labels", "labels every object must have",
          std::vector<std::string>{"app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
                                   "app.kubernetes.io/managed-by", "helm.sh/chart"}}}});
}

}  // namespace chartproof::rules
