// plaintext-secret-in-values: a chart's values.yaml that ships a literal secret as a default.
#include "chartproof/chart_folder.hpp"
#include "rules/rule_support.hpp"
#include "rules/secrets/secret_detector.hpp"

namespace chartproof::rules {
namespace {

class PlaintextSecretInValues : public Rule {
 public:
  explicit PlaintextSecretInValues(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext&, Reporter& out) const override {
    // Only the chart's own values.yaml: -f files are the installer's, not defaults shipped to everyone.
    if (!chart.has_values_yaml || chart.values.empty() || !chart.values[0].tree) return;
    visit(chart.values[0], chart.values[0].tree->root(), "", "", out);
  }

 private:
  void visit(const ParsedDocument& doc, Node node, const std::string& path, std::string_view name,
             Reporter& out) const {
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        std::string_view key = node.key_at(i).text();
        visit(doc, node.value_at(i), path.empty() ? std::string(key) : append_path_key(path, key), key, out);
      }
    } else if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i)
        visit(doc, node.item(i), path + "[" + std::to_string(i) + "]", name, out);
    } else if (node.is_string() && !name.empty()) {
      if (auto holds = detector_.what_it_holds(name, node.text(), /*check_urls=*/true)) {
        out.report_document(doc, node.line(), node.column(),
                            "values key " + in_quotes(path) + " " + *holds +
                                ": every install of the chart gets this default unless it is overridden");
      }
    }
  }

  SecretDetector detector_;
};

}  // namespace

RuleDefinition plaintext_secret_in_values_rule() {
  RuleMeta meta{.id = "plaintext-secret-in-values",
                .pack = "chart",
                .severity = Severity::Error,
                .summary = "A chart's values.yaml must not ship a literal secret as a default.",
                .rationale =
                    "values.yaml is published with the chart: a password, token or key written there is the same on "
                    "every installation that does not override it, and readable by anyone who can fetch the chart. A "
                    "key is reported when its name says it holds a secret and its default is not empty, a placeholder "
                    "(changeme, <...>, ${...}) or plainly not a secret (a boolean, a number, a path), and whatever its "
                    "name when the value is a URL with a literal `user:password@` or a known credential format. The "
                    "rule reads the chart's own values.yaml only; -f files are the installer's.",
                .remediation =
                    "Leave the default empty and generate the secret in the template when it is not given "
                    "(`randAlphaNum`, keeping an existing one with `lookup`), or take the name of an existing Secret "
                    "(`existingSecret`) and reference it with `secretKeyRef`.",
                .sensitive = /*sensitive=*/true};
  meta.subject = RuleSubject::Chart;
  return define<PlaintextSecretInValues>(std::move(meta));
}

}  // namespace chartproof::rules
