// Data-driven rule tests: testdata/rules/<id>/pass.yaml gives no finding of <id>; every finding on
// fail.yaml sits on a line marked `# expect: <id>`, one to one. An optional policy.yaml in the same
// folder sets the rule's parameters for both files.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "chartproof/policy.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

using Expectation = std::pair<std::uint32_t, std::string>;  // line, rule id

std::vector<Expectation> expectations(const std::string& text) {
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
      if (!id.empty()) out.emplace_back(n, id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Expectation> findings_of(const chartproof::LintReport& report) {
  std::vector<Expectation> out;
  for (const auto& f : report.findings) out.emplace_back(f.line, f.rule);
  std::sort(out.begin(), out.end());
  return out;
}

std::string show(const std::vector<Expectation>& v) {
  std::string s;
  for (const auto& [line, id] : v) s += "\n  line " + std::to_string(line) + ": " + id;
  return s.empty() ? " (none)" : s;
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
    CAPTURE(id);
    fs::path dir = test::source_dir() / "testdata/rules" / id;
    auto options = test::only({id});
    // Rules whose findings depend on parameters carry a policy.yaml that sets them.
    if (fs::exists(dir / "policy.yaml")) {
      auto policy = chartproof::parse_policy(test::read_file(dir / "policy.yaml"), (dir / "policy.yaml").string());
      REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
      for (auto& [rule, cfg] : policy->rules) {
        cfg.enabled = rule == id;
        chartproof::merge_rule_configs(options.rules, {{rule, cfg}});
      }
    }
    auto pass = test::lint_text(test::read_file(dir / "pass.yaml"), options, "pass.yaml");
    INFO("pass.yaml findings:", show(findings_of(pass)));
    CHECK(pass.findings.empty());

    std::string fail_text = test::read_file(dir / "fail.yaml");
    auto expected = expectations(fail_text);
    CHECK_MESSAGE(!expected.empty(), "fail.yaml has no `# expect:` line");
    for (const auto& [line, rule] : expected) CHECK_MESSAGE(rule == id, "fail.yaml expects another rule: " << rule);
    auto fail = test::lint_text(fail_text, options, "fail.yaml");
    auto got = findings_of(fail);
    INFO("expected:", show(expected), "\ngot:", show(got));
    CHECK(got == expected);
    for (const auto& f : fail.findings) {
      CHECK(f.file == "fail.yaml");
      CHECK(f.column > 0);
      CHECK(f.pack == def.meta.pack);
      CHECK_FALSE(f.message.empty());
      CHECK_FALSE(f.remediation.empty());
    }
  }
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
