// Built-in profiles and the policy reader they use.
#include <doctest/doctest.h>

#include "chartproof/policy.hpp"
#include "test_support.hpp"

using namespace chartproof;

TEST_CASE("built-in profiles load; strict extends recommended and turns everything on") {
  auto names = builtin_profile_names();
  CHECK(std::find(names.begin(), names.end(), "recommended") != names.end());
  CHECK(std::find(names.begin(), names.end(), "strict") != names.end());
  auto strict = load_builtin_profile("strict");
  REQUIRE(strict);
  LintOptions options;
  options.rules = strict.value();
  auto linter = Linter::create(options);
  REQUIRE(linter);
  CHECK(linter->effective_rules().size() == builtin_rules().size());
  for (const auto& a : linter->effective_rules()) {
    if (a.definition->meta.id == "run-as-root") {
      CHECK(a.params.get_int("min_uid") == 1000);
      CHECK(a.params.get_bool("forbid_root_group"));
    }
    if (a.definition->meta.id == "seccomp-profile-missing") CHECK(a.severity == Severity::Warning);
    if (a.definition->meta.id == "writable-root-filesystem") CHECK(a.severity == Severity::Error);
    if (a.definition->meta.id == "resource-out-of-range") CHECK(a.params.get_string("max_memory_limit") == "8Gi");
  }
  auto recommended = load_builtin_profile("recommended");
  REQUIRE(recommended);
  options.rules = recommended.value();
  auto default_linter = Linter::create(options);
  std::size_t off = 0;
  for (const auto& def : builtin_rules()) off += !def.meta.enabled_by_default;
  CHECK(default_linter->effective_rules().size() == builtin_rules().size() - off);
  auto unknown = load_builtin_profile("strcit");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().message.find("did you mean \"strict\"") != std::string::npos);
}

TEST_CASE("the strict profile reports what recommended lets pass") {
  std::string text = test::read_file(test::source_dir() / "testdata/manifests/hardened.yaml");
  auto recommended = test::lint_text(text);
  CHECK(recommended.findings.empty());
  LintOptions strict;
  strict.rules = load_builtin_profile("strict").value();
  auto report = test::lint_text(text, strict);
  auto rules = test::rules_of(report);
  CHECK(std::count(rules.begin(), rules.end(), "run-as-root") == 2);  // UID 999 < 1000
  CHECK(std::count(rules.begin(), rules.end(), "missing-startup-probe") == 2);
}

TEST_CASE("pss-restricted compares drop: [ALL] case-sensitively, as Pod Security Admission does") {
  std::string text =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsNonRoot: true\n"
      "    seccompProfile: {type: RuntimeDefault}\n  containers:\n"
      "    - name: upper\n      image: r.example.com/a:1\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n"
      "    - name: lower\n      image: r.example.com/a:1\n"
      "      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [all]}}\n";
  LintOptions restricted;
  restricted.rules = load_builtin_profile("pss-restricted").value();
  auto report = test::lint_text(text, restricted);
  std::vector<const Finding*> found;
  for (const auto& f : report.findings)
    if (f.rule == "pod-security") found.push_back(&f);
  REQUIRE(found.size() == 1);
  CHECK(found[0]->line == 14);
  CHECK(found[0]->severity == Severity::Error);
  CHECK(found[0]->message ==
        "violates PodSecurity \"restricted:v1.36\": unrestricted capabilities (container \"lower\" must set "
        "securityContext.capabilities.drop=[\"ALL\"])");
  LintOptions baseline;
  baseline.rules = load_builtin_profile("pss-baseline").value();
  auto rules = test::rules_of(test::lint_text(text, baseline));
  CHECK(std::count(rules.begin(), rules.end(), "pod-security") == 0);  // baseline does not ask for drop: [ALL]
}

TEST_CASE("policy errors are located and say what is allowed") {
  auto bad_rule =
      parse_policy("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  run-as-rot: {enabled: false}\n", "p.yaml");
  REQUIRE_FALSE(bad_rule);
  CHECK(bad_rule.error().to_string() ==
        "p.yaml:4:3: unknown rule \"run-as-rot\" (did you mean \"run-as-root\"?); `chartproof rules` lists them");
  auto bad_severity =
      parse_policy("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  run-as-root: {severity: fatal}\n", "p.yaml");
  REQUIRE_FALSE(bad_severity);
  CHECK(bad_severity.error().line == 4);
  CHECK(bad_severity.error().message == "severity \"fatal\" is not valid; allowed: error, warning, info");
  auto bad_kind = parse_policy("apiVersion: chartproof.io/v1\nkind: Polcy\n", "p.yaml");
  REQUIRE_FALSE(bad_kind);
  CHECK(bad_kind.error().line == 2);
  LintOptions options;
  options.rules["run-as-root"].params["min_uid"] = std::string("many");
  auto typed = Linter::create(options);
  REQUIRE_FALSE(typed);
  CHECK(typed.error().message == "parameter \"min_uid\" of rule \"run-as-root\" must be an integer, not a string");
}
