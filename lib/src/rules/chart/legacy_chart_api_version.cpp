// legacy-chart-api-version: Chart.yaml in the Helm 2 format (apiVersion v1), which Helm 3 and 4
// still render and install, so it is a warning, not invalid-chart-yaml's error.
#include "chartproof/chart_folder.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

namespace {

class LegacyChartApiVersion : public Rule {
 public:
  explicit LegacyChartApiVersion(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext&, Reporter& out) const override {
    const ParsedDocument& doc = chart.chart_yaml;
    if (!doc.tree || !doc.tree->root().is_map()) return;  // invalid-chart-yaml says why
    Node api = doc.tree->root().get("apiVersion");
    if (!api || api.text() != "v1") return;
    out.report_document(doc, api.line(), api.column(),
                        "apiVersion v1 is the Helm 2 chart format; Helm 3 and 4 still install it, but its "
                        "dependencies live in requirements.yaml and chart features since Helm 3 (type: library, "
                        "dependency conditions in Chart.yaml) need v2");
  }
};

}  // namespace

RuleDefinition legacy_chart_api_version_rule() {
  RuleMeta meta{
      .id = "legacy-chart-api-version",
      .pack = "chart",
      .severity = Severity::Warning,
      .summary = "Chart.yaml should use apiVersion v2, the format of Helm 3 and later.",
      .rationale =
          "apiVersion v1 is the Helm 2 chart format. Helm 3 and 4 load it (helm's chart loader and `helm lint` "
          "accept v1 and v2, pkg/lint/rules/chartfile.go validateChartAPIVersion) and install it, so it is "
          "not an error; but its dependencies are read from a separate requirements.yaml for compatibility "
          "only, and what Helm 3 added to Chart.yaml (library charts, dependencies with conditions and "
          "aliases in one file) needs v2. Popular charts still ship v1 (elastic's charts, fluent-bit, "
          "loki-stack).",
      .remediation =
          "Set `apiVersion: v2` and move requirements.yaml's dependencies into Chart.yaml's `dependencies:`."};
  meta.subject = RuleSubject::Chart;
  return define<LegacyChartApiVersion>(std::move(meta));
}

}  // namespace chartproof::rules
