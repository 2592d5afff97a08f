// Inputs that once crashed a fuzz target (tests/fuzz/regressions/<target>/), replayed through the
// same target body in every build, release included, so a fixed crash stays fixed without clang.
#include <doctest/doctest.h>

#include <filesystem>

#include "fuzz_targets.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("every fuzz regression input runs through its target without a crash") {
  fs::path root = test::source_dir() / "tests/fuzz/regressions";
  std::size_t replayed = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    auto target = chartproof::fuzz::target_named(dir.path().filename().string());
    CAPTURE(dir.path().filename().string());
    REQUIRE_MESSAGE(static_cast<bool>(target), "a regressions folder that names no fuzz target");
    for (const auto& file : fs::directory_iterator(dir.path())) {
      CAPTURE(file.path().filename().string());
      target(test::read_file(file.path()));
      ++replayed;
    }
  }
  CHECK(replayed >= 1);
}

TEST_CASE("the issue-12 Secret is a located invalid-secret-data finding, not a crash") {
  auto report =
      test::lint_text(test::read_file(test::source_dir() / "tests/fuzz/regressions/lint/secret-base64-not-ascii.yaml"),
                      test::only({"invalid-secret-data", "known-credential-pattern"}));
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].rule == "invalid-secret-data");
  CHECK(report.findings[0].line == 9);
  CHECK(report.findings[0].message.find("UjNh") == std::string::npos);  // the value is never printed
}
