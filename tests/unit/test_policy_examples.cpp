// policies/examples/<name>.yaml against testdata/policies/<name>/{pass,fail}.yaml: the rules the
// policy configures or defines report exactly the `# expect:` lines of fail.yaml, and nothing on pass.
#include <doctest/doctest.h>

#include <set>

#include "chartproof/policy.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

std::multiset<std::pair<std::uint32_t, std::string>> expected_in(const std::string& text) {
  std::multiset<std::pair<std::uint32_t, std::string>> out;
  std::istringstream in(text);
  std::string line;
  for (std::uint32_t n = 1; std::getline(in, line); ++n) {
    auto at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::istringstream ids(line.substr(at + 9));
    std::string id;
    while (std::getline(ids, id, ',')) {
      id.erase(0, id.find_first_not_of(' '));
      id.erase(id.find_last_not_of(" \r") + 1);
      out.emplace(n, id);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every example policy is proven by its fixtures") {
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "policies/examples")) {
    std::string name = entry.path().stem().string();
    CAPTURE(name);
    fs::path fixtures = test::source_dir() / "testdata/policies" / name;
    REQUIRE(fs::exists(fixtures / "pass.yaml"));
    REQUIRE(fs::exists(fixtures / "fail.yaml"));
    auto policy = chartproof::load_policy_file(entry.path());
    REQUIRE_MESSAGE(policy, (policy ? "" : policy.error().to_string()));
    std::set<std::string> owned;  // the rules this policy is about
    for (const auto& [id, cfg] : policy->rules) owned.insert(id);
    for (const auto& spec : policy->custom_rules) owned.insert(spec.id);
    REQUIRE_FALSE(owned.empty());
    auto options = chartproof::options_from_policy(policy.value());
    options.default_namespace = "todo-app";
    for (const char* which : {"pass.yaml", "fail.yaml"}) {
      CAPTURE(which);
      std::string text = test::read_file(fixtures / which);
      auto report = test::lint_text(text, options, which);
      std::multiset<std::pair<std::uint32_t, std::string>> got;
      for (const auto& f : report.findings) {
        if (owned.count(f.rule)) got.emplace(f.line, f.rule);
      }
      auto expected = expected_in(text);
      if (std::string(which) == "fail.yaml") CHECK_FALSE(expected.empty());
      std::string shown;
      for (const auto& [line, id] : got) shown += "\n  " + std::to_string(line) + ": " + id;
      INFO("got:", shown);
      CHECK(got == expected);
    }
    ++checked;
  }
  CHECK(checked >= 4);
}
