// Data-driven rule tests: testdata/rules/<id>/pass.yaml gives no finding of <id>; every finding on
// fail.yaml sits on a line marked `# expect: <id>`, one to one. An optional policy.yaml in the same
// folder sets the rule's parameters for both files, and an optional baseline.yaml is the baseline
// of both runs (its `# expect:` lines count like the policy's).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <tuple>

#include "chart_fixture.hpp"
#include "chartproof/policy.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using Expectation = std::tuple<std::string, std::uint32_t, std::string>;  // file, line, rule id

std::vector<Expectation> expectations(const std::string& text, const std::string& file) {
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    auto at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::string list = line.substr(at + 9);
    std::istringstream ids(list);
    std::string id;
    while (std::getline(ids, id, ',')) {
      id.erase(0, id.find_first_not_of(" \t\r"));
      id = id.substr(0, id.find_first_of(" \t\r"));  // `id (warning)`: the severity is checked apart
      if (!id.empty()) out.emplace_back(file, n, id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// `# expect: id (warning)`: the severity a finding on that line must have, by line.
std::map<std::uint32_t, std::string> expected_severities(const std::string& text) {
  std::map<std::uint32_t, std::string> out;
  std::istringstream in(text);
  std::string line;
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    auto at = line.find("# expect:");
    auto open = line.find('(', at == std::string::npos ? line.size() : at);
    auto close = line.find(')', open == std::string::npos ? line.size() : open);
    if (at != std::string::npos && open != std::string::npos && close != std::string::npos) {
      out[n] = line.substr(open + 1, close - open - 1);
    }
  }
  return out;
}

// Findings of `id` only: a fixture's policy may switch on other rules it needs (exemptions need findings).
std::vector<Expectation> findings_of(const chartproof::LintReport& report, const std::string& id) {
  std::vector<Expectation> out;
  for (const auto& f : report.findings) {
    if (f.rule == id) out.emplace_back(fs::path(f.file).filename().string(), f.line, f.rule);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string show(const std::vector<Expectation>& v) {
  std::string s;
  for (const auto& [file, line, id] : v) s += "\n  " + file + ":" + std::to_string(line) + ": " + id;
  return s.empty() ? " (none)" : s;
}

// The policy of a fixture run: <name>.policy.yaml, else policy.yaml, else none. Rules it mentions keep
// their settings; every other rule but `id` is switched off. Exemption expiry is judged on a fixed date.
std::optional<fs::path> fixture_policy(const fs::path& dir, const std::string& name) {
  for (const auto& candidate : {dir / (name + ".policy.yaml"), dir / "policy.yaml"}) {
    if (fs::exists(candidate)) return candidate;
  }
  return std::nullopt;
}

chartproof::LintOptions fixture_options(const std::string& id, const std::optional<fs::path>& policy_file) {
  auto options = test::only({id});
  options.today = "2026-06-01";
  if (policy_file) {
    fs::path baseline_file = policy_file->parent_path() / "baseline.yaml";
    if (fs::exists(baseline_file)) {
      auto baseline = chartproof::load_baseline(baseline_file.string());
      REQUIRE_MESSAGE(baseline, (baseline ? "" : baseline.error().to_string()));
      options.baseline = std::make_shared<const chartproof::Baseline>(std::move(baseline.value()));
    }
  }
  if (!policy_file) return options;
  auto policy = chartproof::load_policy_file(*policy_file);
  REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
  for (auto& [rule, cfg] : policy->rules) {
    if (!cfg.enabled) cfg.enabled = rule == id;
  }
  chartproof::merge_rule_configs(options.rules, policy->rules);
  options.exemptions = policy->exemptions;
  options.custom_rules = policy->custom_rules;
  options.kube_version = policy->kubernetes.version;  // the fixture's `kubernetes:` target
  for (const auto& spec : options.custom_rules)
    options.rules[spec.id].enabled = spec.id == id || options.rules[spec.id].enabled.value_or(false);
  return options;
}

// A rule on manifests: silent on pass.yaml, exactly the `# expect:` lines of fail.yaml.
void check_manifest_fixtures(const chartproof::RuleDefinition& def) {
  {
    const std::string& id = def.meta.id;
    CAPTURE(id);
    fs::path dir = test::source_dir() / "testdata/rules" / id;
    auto pass_policy = fixture_policy(dir, "pass");
    auto pass = test::lint_text(test::read_file(dir / "pass.yaml"), fixture_options(id, pass_policy), "pass.yaml");
    INFO("pass.yaml findings:", show(findings_of(pass, id)));
    CHECK(findings_of(pass, id).empty());

    std::string fail_text = test::read_file(dir / "fail.yaml");
    auto fail_policy = fixture_policy(dir, "fail");
    auto expected = expectations(fail_text, "fail.yaml");
    for (const auto& side : {fail_policy, std::optional<fs::path>(dir / "baseline.yaml")}) {
      if (!side || !fs::exists(*side)) continue;
      auto more = expectations(test::read_file(*side), side->filename().string());
      expected.insert(expected.end(), more.begin(), more.end());
      std::sort(expected.begin(), expected.end());
    }
    CHECK_MESSAGE(!expected.empty(), "fail.yaml has no `# expect:` line");
    for (const auto& e : expected) {
      // Not a structured binding: clang 14 cannot capture one in doctest's message lambda.
      const std::string& file = std::get<0>(e);
      const std::string& rule = std::get<2>(e);
      CHECK_MESSAGE(rule == id, file << " expects another rule: " << rule);
    }
    auto fail = test::lint_text(fail_text, fixture_options(id, fail_policy), "fail.yaml");
    auto got = findings_of(fail, id);
    INFO("expected:", show(expected), "\ngot:", show(got));
    CHECK(got == expected);
    auto severities = expected_severities(fail_text);
    for (const auto& f : fail.findings) {
      if (f.rule != id) continue;
      if (auto s = severities.find(f.line); s != severities.end() && fs::path(f.file).filename() == "fail.yaml") {
        INFO("line ", f.line);
        CHECK(std::string(chartproof::severity_name(f.severity)) == s->second);
      }
      auto at = std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return std::get<1>(e) == f.line; });
      CHECK_MESSAGE(at != expected.end(), "a finding on line " << f.line << " that no `# expect:` names");
      if (at != expected.end()) CHECK(fs::path(f.file).filename().string() == std::get<0>(*at));
      CHECK(f.column > 0);
      CHECK(f.pack == def.meta.pack);
      CHECK_FALSE(f.message.empty());
      CHECK_FALSE(f.remediation.empty());
      // A fix only from a rule whose metadata says what `chartproof fix` writes (docs, explain).
      CHECK_MESSAGE((!f.fix || !def.meta.automatic_fix.empty()),
                    "line " << f.line << " has a fix, but the rule's automatic_fix is empty");
    }
    // And a rule that says so shows one in its fail.yaml (with its fail policy's values).
    if (!def.meta.automatic_fix.empty()) {
      const bool shown = std::any_of(fail.findings.begin(), fail.findings.end(),
                                     [&](const chartproof::Finding& f) { return f.rule == id && f.fix; });
      CHECK_MESSAGE(shown, "the rule declares automatic_fix, but no finding of fail.yaml carries a fix");
    }
  }
}

// Chart rules' fixtures are charts packed in one file (chart_fixture.hpp), linted in chart mode:
// rendered twice with helm when they have templates, read without helm when they have none.
void check_chart_fixtures(const chartproof::RuleDefinition& def) {
  {
    const std::string& id = def.meta.id;
    CAPTURE(id);
    for (std::string which : {"pass.yaml", "fail.yaml"}) {
      CAPTURE(which);
      std::string text = test::read_file(test::source_dir() / "testdata/rules" / id / which);
      test::TempDir tmp;
      auto chart = test::unpack_chart(text, tmp.path);
      REQUIRE_FALSE(chart.dir.empty());
      chartproof::ChartOptions chart_options;
      if (chart.has_templates) {
        // helm is a requirement of the suite: a chart rule untested is a failure, never a skip.
        REQUIRE_MESSAGE(!test::helm_path().empty(), "helm is required (scripts/get-helm.sh could not provide it)");
        chart_options.helm = test::helm_path();
      }
      auto sources = chartproof::load_chart(
          chart.dir.string(), chart_options,
          chart.has_templates ? chartproof::ChartRenders::Twice : chartproof::ChartRenders::None);
      REQUIRE_MESSAGE(sources, (sources ? "" : sources.error().to_string()));
      auto linter = chartproof::Linter::create(fixture_options(id, std::nullopt));
      REQUIRE(linter);
      std::vector<chartproof::ChartSources> charts;
      charts.push_back(std::move(sources.value()));
      auto report = linter->lint({}, std::move(charts));
      std::vector<Expectation> got;
      for (const auto& f : report.findings) {
        if (f.rule != id) continue;
        got.emplace_back(which, test::fixture_line(f, chart, report), f.rule);
        CHECK(f.column > 0);
        CHECK_FALSE(f.remediation.empty());
      }
      std::sort(got.begin(), got.end());
      auto expected = expectations(text, which);
      if (which == "fail.yaml") CHECK_MESSAGE(!expected.empty(), "fail.yaml has no `# expect:` line");
      INFO("expected:", show(expected), "\ngot:", show(got));
      CHECK(got == expected);
    }
  }
}

}  // namespace

// One CTest entry per rule (rule.<id>, registered from testdata/rules/ at configure time), so
// `ctest -R run-as-root` runs that rule's fixtures alone. The rule comes in CHARTPROOF_RULE.
TEST_CASE("the rule's fixtures") {
  const char* wanted = std::getenv("CHARTPROOF_RULE");
  REQUIRE_MESSAGE(wanted != nullptr, "set CHARTPROOF_RULE to a rule id (ctest sets it for rule.<id>)");
  std::size_t found = 0;
  for (const auto& def : chartproof::builtin_rules()) {
    if (def.meta.id != wanted) continue;
    ++found;
    if (def.meta.pack == "chart")
      check_chart_fixtures(def);
    else
      check_manifest_fixtures(def);
  }
  CHECK_MESSAGE(found == 1, "no built-in rule has the id \"" << wanted << "\"");
}
