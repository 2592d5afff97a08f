// hardcoded-secret-data: a Secret whose data is the same literal whatever the release, i.e. a default
// baked into the chart rather than generated or supplied at install. Needs chart mode's second render.
#include <map>

#include "chartproof/chart_folder.hpp"
#include "chartproof/finding.hpp"
#include "rules/chart/render_pairs.hpp"
#include "rules/rule_support.hpp"
#include "rules/secrets/secret_text.hpp"
#include "support/base64.hpp"

namespace chartproof::rules {
namespace {

class HardcodedSecretData : public Rule {
 public:
  explicit HardcodedSecretData(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    if (!chart.render || !chart.probe) return;
    auto probe = resources_by_template(*chart.probe, nullptr, "Secret");
    for (const auto& [at, secret] : resources_by_template(graph, chart.render, "Secret")) {
      auto other = probe.find(at);
      if (other == probe.end()) continue;
      compare(chart, *secret, *other->second, "data", true, out);
      compare(chart, *secret, *other->second, "stringData", false, out);
    }
  }

 private:
  void compare(const ChartFolder& chart, const Resource& r, const Resource& other, std::string_view section,
               bool base64, Reporter& out) const {
    Node data = r.root.get(section);
    Node other_data = other.root.get(section);
    if (!data.is_map() || !other_data.is_map()) return;
    for (std::size_t i = 0; i < data.size(); ++i) {
      std::string_view key = data.key_at(i).text();
      Node value = data.value_at(i);
      Node twin = other_data.get(key);
      if (!value.is_scalar() || value.is_null() || !twin || twin.text() != value.text()) continue;
      std::string text(value.text());
      if (base64) {
        auto bytes = support::decode_base64(text);
        if (!bytes) continue;  // not base64: the API server rejects it, invalid-secret-data reports it
        text = std::move(*bytes.bytes);
      }
      bool key_material = text.find("PRIVATE KEY-----") != std::string::npos;
      const SecretText& patterns = SecretText::shared();
      if (text.empty() || patterns.is_placeholder(text) || (!key_material && patterns.is_non_secret_shape(text)))
        continue;
      if (!key_material && !patterns.is_secret_name(key)) continue;
      if (chart.supplied_at_install(text)) continue;  // the installer's -f file or --set, the same in both renders
      out.report(r, Field{value, append_path_key(std::string(section), key)},
                 "Secret " + in_quotes(r.ref.name) + " " + std::string(section) + " " + in_quotes(key) +
                     " is the same literal under two release names (\"" + mask_secret(text) +
                     "\"): a default baked into the chart, shared by every install that does not override it");
    }
  }
};

}  // namespace

RuleDefinition hardcoded_secret_data_rule() {
  RuleMeta meta{.id = "hardcoded-secret-data",
                .pack = "chart",
                .severity = Severity::Error,
                .kinds = {"Secret"},
                .summary = "A chart must not bake a secret's value into its templates or defaults.",
                .rationale =
                    "In chart mode chartproof renders the chart twice, under two release names, and compares each "
                    "Secret's data. A value generated at install (`randAlphaNum`, `genPrivateKey`, `lookup` of an "
                    "existing one) or derived from the release differs between the renders; one supplied with -f or "
                    "--set is the installer's choice and is not reported. A non-empty value identical in both renders "
                    "that is not a "
                    "placeholder is a default shipped with the chart: every installation that does not override it "
                    "shares the same password or key, and anyone who reads the chart knows it. Keys are reported when "
                    "their name says they hold a secret (password, token, api key, ...) or the value is a private key.",
                .remediation =
                    "Generate the value when none is given (`{{ .Values.password | default (randAlphaNum 24) }}`, with "
                    "`lookup` to keep it across upgrades) or require it (`required`), or reference an existing Secret.",
                .sensitive = /*sensitive=*/true};
  meta.subject = RuleSubject::Chart;
  meta.needs_probe_render = true;
  return define<HardcodedSecretData>(std::move(meta));
}

}  // namespace chartproof::rules
