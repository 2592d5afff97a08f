// invalid-chart-yaml: a chart folder whose Chart.yaml is missing, unreadable, or lacks what helm
// needs (apiVersion v2, a name, a SemVer 2 version).
#include <re2/re2.h>

#include "chartproof/chart_folder.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class InvalidChartYaml : public Rule {
 public:
  explicit InvalidChartYaml(const Params&)
      : semver_(R"(^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*))"
                R"((-(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(\.(0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?)"
                R"((\+[0-9a-zA-Z-]+(\.[0-9a-zA-Z-]+)*)?$)") {}

  void check_chart(const ChartFolder& chart, const RuleContext&, Reporter& out) const override {
    const ParsedDocument& doc = chart.chart_yaml;
    if (!chart.has_chart_yaml) {
      out.report_document(
          doc, 1, 1, "the folder has templates/ and values.yaml but no Chart.yaml: helm does not treat it as a chart");
      return;
    }
    for (const auto& issue : doc.issues) {
      if (issue.kind == ParseIssue::Kind::InvalidYaml)
        out.report_document(doc, issue.line, issue.column, "Chart.yaml is not valid YAML: " + issue.message);
    }
    if (!doc.tree) {
      if (doc.issues.empty()) out.report_document(doc, 1, 1, "Chart.yaml is empty");
      return;
    }
    Node root = doc.tree->root();
    if (!root.is_map()) {
      out.report_document(doc, root.line(), root.column(),
                          "Chart.yaml must be a mapping (apiVersion, name, version, ...)");
      return;
    }
    Node api = root.get("apiVersion");
    if (!api) {
      out.report_document(doc, root.line(), root.column(), "Chart.yaml has no apiVersion; use `apiVersion: v2`");
    } else if (api.text() != "v2" && api.text() != "v1") {  // v1 is legacy-chart-api-version's warning
      out.report_document(
          doc, api.line(), api.column(),
          "apiVersion " + in_quotes(api.text()) + " is not a chart API version; helm accepts v1 and v2 (use v2)");
    }
    Node name = root.get("name");
    if (!name || !name.is_string() || name.text().empty()) {
      Node at = name ? name : root;
      out.report_document(doc, at.line(), at.column(), "Chart.yaml has no name (a non-empty string)");
    } else if (name.text().find_first_of("/\\ \t") != std::string_view::npos || name.text() == "." ||
               name.text() == "..") {
      out.report_document(doc, name.line(), name.column(),
                          "chart name " + in_quotes(name.text()) + " cannot hold a path separator or a blank");
    }
    Node version = root.get("version");
    if (!version || version.is_null() || version.text().empty()) {
      Node at = version ? version : root;
      out.report_document(doc, at.line(), at.column(), "Chart.yaml has no version (SemVer 2, e.g. 1.2.3)");
    } else if (!RE2::FullMatch(version.text(), semver_)) {
      out.report_document(
          doc, version.line(), version.column(),
          "version " + in_quotes(version.text()) +
              " is not SemVer 2 (MAJOR.MINOR.PATCH, e.g. 1.2.3); `helm lint` and `helm package` reject it");
    }
  }

 private:
  RE2 semver_;
};

}  // namespace

RuleDefinition invalid_chart_yaml_rule() {
  RuleMeta meta{
      .id = "invalid-chart-yaml",
      .pack = "chart",
      .severity = Severity::Error,
      .summary = "A chart folder needs a Chart.yaml with apiVersion v1 or v2, a name and a SemVer 2 version.",
      .rationale =
          "helm finds a chart by its Chart.yaml and refuses one without a name or version; `helm lint`, "
          "`helm package` and chart repositories reject versions that are not strict SemVer 2 (`1.0` and "
          "`v1.2.3` are not), and an apiVersion other than v1 or v2 (helm's chart loader knows no other; v1, the "
          "Helm 2 format, is legacy-chart-api-version's warning). Runs in chart mode (a chart folder given "
          "to `chartproof lint`); a folder with templates/ and values.yaml but no Chart.yaml is reported here "
          "instead of its templates being read as YAML.",
      .remediation =
          "Write Chart.yaml with `apiVersion: v2`, `name:` (lower case letters, digits and dashes), "
          "`version:` in SemVer 2 (`1.2.3`), and `appVersion:` quoted."};
  meta.subject = RuleSubject::Chart;
  return define<InvalidChartYaml>(std::move(meta));
}

}  // namespace chartproof::rules
