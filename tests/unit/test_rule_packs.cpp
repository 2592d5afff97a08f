// Rule packs: a program's own rules, checked at creation and then treated like built-in ones.
#include <doctest/doctest.h>

#include "chartproof/rule_pack.hpp"
#include "test_support.hpp"

using namespace chartproof;

namespace {

// Reports every ConfigMap at its name: the smallest rule that proves the plumbing.
class NamedConfigMap : public Rule {
 public:
  explicit NamedConfigMap(const Params& p) : word_(p.get_string("word")) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node name = r.root.get("metadata").get("name");
    out.report(r, Field{name, "metadata.name"}, "ConfigMap says " + word_);
  }

 private:
  std::string word_;
};

RuleDefinition rule(std::string id) {
  RuleMeta meta;
  meta.id = std::move(id);
  meta.severity = Severity::Warning;
  meta.kinds = {"ConfigMap"};
  meta.summary = "ConfigMaps are reported.";
  meta.params = {ParamSpec{"word", "what the message says", std::string("hello")}};
  return RuleDefinition{meta, [](const Params& p) { return std::make_unique<NamedConfigMap>(p); }};
}

RulePack pack(std::string name, std::vector<RuleDefinition> rules) {
  return RulePack{std::move(name), std::move(rules), {}};
}

std::string creation_error(std::vector<RulePack> packs) {
  auto c = RuleCatalogue::create(std::move(packs));
  return c ? std::string() : c.error().message;
}

}  // namespace

TEST_CASE("a rule pack's mistakes are one clear error at creation, naming the pack") {
  CHECK(creation_error({pack("team", {rule("team-rule")})}).empty());
  CHECK(creation_error({pack("team", {rule("run-as-root")})}) ==
        "rule pack \"team\": rule id \"run-as-root\" is already taken");
  CHECK(creation_error({pack("team", {rule("a-rule"), rule("a-rule")})}) ==
        "rule pack \"team\": rule id \"a-rule\" is already taken");
  CHECK(creation_error({pack("security", {rule("a-rule")})}).find("already a pack's") != std::string::npos);
  CHECK(creation_error({pack("Team", {rule("a-rule")})}).find("kebab-case") != std::string::npos);
  auto no_summary = rule("a-rule");
  no_summary.meta.summary.clear();
  CHECK(creation_error({pack("team", {no_summary})}) == "rule pack \"team\": rule \"a-rule\" needs a summary");
  auto bad_param = rule("a-rule");
  bad_param.meta.params.push_back(ParamSpec{"Max Replicas", "", std::int64_t{1}});
  CHECK(creation_error({pack("team", {bad_param})}).find("parameter name \"Max Replicas\"") != std::string::npos);
  auto twice = rule("a-rule");
  twice.meta.params.push_back(twice.meta.params[0]);
  CHECK(creation_error({pack("team", {twice})}).find("parameter \"word\" is declared twice") != std::string::npos);
  auto other_pack = rule("a-rule");
  other_pack.meta.pack = "security";
  CHECK(creation_error({pack("team", {other_pack})}).find("belongs to pack \"security\"") != std::string::npos);
  auto no_check = rule("a-rule");
  no_check.make = nullptr;
  CHECK(creation_error({pack("team", {no_check})}).find("has no check") != std::string::npos);
  RulePack clashing_profile = pack("team", {rule("a-rule")});
  clashing_profile.profiles["strict"] = "apiVersion: chartproof.io/v1\nkind: Policy\n";
  CHECK(creation_error({clashing_profile}).find("profile \"strict\" is already defined") != std::string::npos);
}

TEST_CASE("a pack's rule runs beside the built-in ones, obeys policies and the ignore annotation") {
  auto catalogue = RuleCatalogue::create({pack("team", {rule("team-rule")})});
  REQUIRE(catalogue);
  CHECK(catalogue.value()->find("team-rule")->meta.pack == "team");
  CHECK(catalogue.value()->pack_names().back() == "team");
  std::string text =
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {a: b}\n---\n"
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quiet\n  annotations: {chartproof.io/ignore: team}\n";
  LintOptions options;
  options.catalogue = catalogue.value();
  auto report = test::lint_text(text, options);
  std::vector<const Finding*> found;
  for (const auto& f : report.findings)
    if (f.rule == "team-rule") found.push_back(&f);
  REQUIRE(found.size() == 1);  // the second ConfigMap ignores the whole pack
  CHECK(found[0]->line == 4);
  CHECK(found[0]->pack == "team");
  CHECK(found[0]->severity == Severity::Warning);
  CHECK(found[0]->message == "ConfigMap says hello");

  // A policy names the pack's rule like any other: severity and parameters.
  auto policy = parse_policy(
      "apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  team-rule: {severity: error, params: {word: bye}}\n",
      "p.yaml", catalogue.value().get());
  REQUIRE(policy);
  options.rules = policy->rules;
  auto configured = test::lint_text(text, options);
  auto it = std::find_if(configured.findings.begin(), configured.findings.end(),
                         [](const Finding& f) { return f.rule == "team-rule"; });
  REQUIRE(it != configured.findings.end());
  CHECK(it->severity == Severity::Error);
  CHECK(it->message == "ConfigMap says bye");

  // Without the pack, the same policy is an error at the rule's line.
  auto unknown =
      parse_policy("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  team-rule: {enabled: false}\n", "p.yaml");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().line == 4);
  // --enable and --disable accept the pack's name.
  options.rules.clear();
  options.disable = {"team"};
  auto rules = test::rules_of(test::lint_text(text, options));
  CHECK(std::count(rules.begin(), rules.end(), "team-rule") == 0);
}
