// Data-driven rule tests: testdata/rules/<id>/pass.yaml gives no finding of <id>; every finding on
// fail.yaml sits on a line marked `# expect: <id>`, one to one. An optional policy.yaml in the same
// folder sets the rule's parameters for both files.
#include <doctest/doctest.h>

#include <algorithm>
#include <iostream>
#include <tuple>
#include <set>

#include "chartproof/policy.hpp"
#include "chart_fixture.hpp"
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
      id.erase(id.find_last_not_of(" \t\r") + 1);
      if (!id.empty()) out.emplace_back(file, n, id);
    }
  }
  std::sort(out.begin(), out.end());
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
  for (const auto& spec : options.custom_rules) options.rules[spec.id].enabled = spec.id == id || options.rules[spec.id].enabled.value_or(false);
  return options;
}

}  // namespace

TEST_CASE("every rule has fixtures, and every fixture folder names a rule") {
  std::set<std::string> ids;
  for (const auto& def : chartproof::builtin_rules()) {
    ids.insert(def.meta.id);
    CAPTURE(def.meta.id);
    CHECK(fs::exists(test::source_dir() / "testdata/rules" / def.meta.id / "pass.yaml"));
    CHECK(fs::exists(test::source_dir() / "testdata/rules" / def.meta.id / "fail.yaml"));
  }
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "testdata/rules")) {
    CAPTURE(entry.path().filename().string());
    CHECK(ids.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("each rule is silent on pass.yaml and reports exactly the expected lines of fail.yaml") {
  for (const auto& def : chartproof::builtin_rules()) {
    const std::string& id = def.meta.id;
    if (def.meta.pack == "chart") continue;  // packed charts: the next test case
    CAPTURE(id);
    fs::path dir = test::source_dir() / "testdata/rules" / id;
    auto pass_policy = fixture_policy(dir, "pass");
    auto pass = test::lint_text(test::read_file(dir / "pass.yaml"), fixture_options(id, pass_policy), "pass.yaml");
    INFO("pass.yaml findings:", show(findings_of(pass, id)));
    CHECK(findings_of(pass, id).empty());

    std::string fail_text = test::read_file(dir / "fail.yaml");
    auto fail_policy = fixture_policy(dir, "fail");
    auto expected = expectations(fail_text, "fail.yaml");
    if (fail_policy) {
      auto more = expectations(test::read_file(*fail_policy), fail_policy->filename().string());
      expected.insert(expected.end(), more.begin(), more.end());
      std::sort(expected.begin(), expected.end());
    }
    CHECK_MESSAGE(!expected.empty(), "fail.yaml has no `# expect:` line");
    for (const auto& [file, line, rule] : expected) CHECK_MESSAGE(rule == id, file << " expects another rule: " << rule);
    auto fail = test::lint_text(fail_text, fixture_options(id, fail_policy), "fail.yaml");
    auto got = findings_of(fail, id);
    INFO("expected:", show(expected), "\ngot:", show(got));
    CHECK(got == expected);
    for (const auto& f : fail.findings) {
      if (f.rule != id) continue;
      CHECK(fs::path(f.file).filename().string() == std::get<0>(*std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return std::get<1>(e) == f.line; })));
      CHECK(f.column > 0);
      CHECK(f.pack == def.meta.pack);
      CHECK_FALSE(f.message.empty());
      CHECK_FALSE(f.remediation.empty());
    }
  }
}

// Chart rules' fixtures are charts packed in one file (chart_fixture.hpp), linted in chart mode:
// rendered twice with helm when they have templates, read without helm when they have none.
TEST_CASE("each chart rule is silent on its packed pass chart and reports exactly the expected lines of the fail chart") {
  std::size_t checked = 0;
  for (const auto& def : chartproof::builtin_rules()) {
    if (def.meta.pack != "chart") continue;
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
        if (test::helm_path().empty()) {
          std::cout << "skipped: helm is not available (scripts/get-helm.sh) for " << id << "/" << which << "\n";
          continue;
        }
        chart_options.helm = test::helm_path();
      }
      auto sources = chartproof::load_chart(chart.dir.string(), chart_options,
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
      ++checked;
    }
  }
  CHECK(checked >= 6);  // at least the Chart.yaml and values fixtures run without helm
}

TEST_CASE("a fully hardened deployment gives no finding from any default rule") {
  auto report = test::lint_text(test::read_file(test::source_dir() / "testdata/manifests/hardened.yaml"));
  std::string all;
  for (const auto& f : report.findings) all += "\n  " + std::to_string(f.line) + ": " + f.rule + ": " + f.message;
  INFO("findings:", all);
  CHECK(report.findings.empty());
  CHECK(report.summary.resources >= 5);
}

TEST_CASE("rule metadata is complete") {
  std::set<std::string> seen;
  for (const auto& def : chartproof::builtin_rules()) {
    const auto& m = def.meta;
    CAPTURE(m.id);
    CHECK(seen.insert(m.id).second);
    CHECK(m.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    CHECK_FALSE(m.pack.empty());
    CHECK_FALSE(m.summary.empty());
    CHECK(m.rationale.size() > 40);
    CHECK_FALSE(m.remediation.empty());
    std::string file = m.id;
    std::replace(file.begin(), file.end(), '-', '_');
    CHECK(fs::exists(test::source_dir() / "lib/src/rules" / m.pack / (file + ".cpp")));
  }
}
