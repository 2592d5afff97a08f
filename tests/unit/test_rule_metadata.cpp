// Rules as a whole: every rule has fixtures (run per rule by tests/rules/), complete metadata, and
// a hardened deployment that no default rule flags.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "test_support.hpp"

namespace fs = std::filesystem;

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
