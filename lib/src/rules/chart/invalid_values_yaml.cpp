// invalid-values-yaml: a values file (the chart's values.yaml or a -f file) that does not parse or
// is not a mapping.
#include "chartproof/chart_folder.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class InvalidValuesYaml : public Rule {
 public:
  explicit InvalidValuesYaml(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext&, Reporter& out) const override {
    for (const auto& doc : chart.values) {
      for (const auto& issue : doc.issues) {
        if (issue.kind == ParseIssue::Kind::InvalidYaml)
          out.report_document(doc, issue.line, issue.column, "values file is not valid YAML: " + issue.message);
      }
      if (!doc.tree) continue;
      Node root = doc.tree->root();
      if (!root.is_map() && !root.is_null()) {
        out.report_document(doc, root.line(), root.column(), "a values file must be a mapping of names to values");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_values_yaml_rule() {
  RuleMeta meta{
      .id = "invalid-values-yaml",
      .pack = "chart",
      .severity = Severity::Error,
      .summary = "values.yaml and every -f values file must be a valid YAML mapping.",
      .rationale =
          "helm merges values files as maps; a file that does not parse, or holds a list or a string, stops "
          "`helm install` with an error that names neither line nor cause. chartproof reads the chart's "
          "values.yaml and each file given with -f/--values and reports the parser's position.",
      .remediation = "Fix the YAML at the reported position; the top level of a values file is `name: value` pairs."};
  meta.subject = RuleSubject::Chart;
  return define<InvalidValuesYaml>(std::move(meta));
}

}  // namespace chartproof::rules
