// invalid-app-version: Chart.yaml without appVersion, or with one YAML reads as a number.
#include "chartproof/chart_folder.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

namespace {

class InvalidAppVersion : public Rule {
 public:
  explicit InvalidAppVersion(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext&, Reporter& out) const override {
    const ParsedDocument& doc = chart.chart_yaml;
    if (!doc.tree || !doc.tree->root().is_map()) return;  // invalid-chart-yaml says why
    Node root = doc.tree->root();
    if (root.get_text("type") == "library") return;  // a library chart deploys nothing
    Node app = root.get("appVersion");
    if (!app || app.is_null() || (app.is_string() && app.text().empty())) {
      Node at = app ? app : root;
      out.report_document(doc, at.line(), at.column(),
                          "Chart.yaml has no appVersion: the app.kubernetes.io/version label and `helm list` cannot "
                          "say which release of the application this is");
    } else if (!app.is_string() && !app.quoted()) {
      out.report_document(doc, app.line(), app.column(),
                          "appVersion " + std::string(app.text()) +
                              " is a number to YAML (1.10 reads as 1.1, 1.0 as 1); quote it: appVersion: \"" +
                              std::string(app.text()) + "\"");
    }
  }
};

}  // namespace

RuleDefinition invalid_app_version_rule() {
  RuleMeta meta{.id = "invalid-app-version",
                .pack = "chart",
                .severity = Severity::Warning,
                .summary = "Chart.yaml should carry appVersion, quoted.",
                .rationale =
                    "appVersion names the version of the application the chart deploys; charts feed it into the "
                    "`app.kubernetes.io/version` label and image tags, and `helm list` shows it. Written unquoted, a "
                    "version like 1.10 is a YAML number and becomes 1.1. Library charts (type: library) are exempt.",
                .remediation = "Add `appVersion: \"1.2.3\"` (quoted) to Chart.yaml."};
  meta.subject = RuleSubject::Chart;
  return define<InvalidAppVersion>(std::move(meta));
}

}  // namespace chartproof::rules
