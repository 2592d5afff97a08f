// Hostile and malformed input: a clear finding or error, the right counts, and never a crash.
#include <doctest/doctest.h>

#include <chrono>

#include "chartproof/report.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("every file in testdata/manifests/bad gives its expected finding and counts") {
  fs::path dir = test::source_dir() / "testdata/manifests/bad";
  std::istringstream table(test::read_file(dir / "EXPECTED.tsv"));
  std::string line;
  std::size_t checked = 0;
  auto linter = chartproof::Linter::create({});
  REQUIRE(linter);
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::string file, rule;
    std::size_t documents = 0, resources = 0, skipped = 0;
    row >> file >> rule >> documents >> resources >> skipped;
    CAPTURE(file);
    REQUIRE(fs::exists(dir / file));
    std::vector<chartproof::SourceFile> files{chartproof::SourceFile{file, test::read_file(dir / file)}};
    auto start = std::chrono::steady_clock::now();
    auto report = linter->lint(std::move(files));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
    CHECK(report.summary.documents == documents);
    CHECK(report.summary.resources == resources);
    CHECK(report.summary.skipped == skipped);
    auto rules = test::rules_of(report);
    if (rule == "-") {
      // Nothing wrong with the input itself: at most informational findings.
      CHECK(report.summary.error + report.summary.warning == 0);
    } else {
      CHECK(std::find(rules.begin(), rules.end(), rule) != rules.end());
    }
    for (const auto& f : report.findings) {
      CHECK(f.line > 0);
      CHECK(f.column > 0);
    }
    ++checked;
  }
  std::size_t yaml_files = 0;
  for (const auto& e : fs::directory_iterator(dir)) yaml_files += e.path().extension() == ".yaml";
  CHECK(checked == yaml_files);  // every committed bad input is listed
  CHECK(checked >= 15);
}

TEST_CASE("a 50 MB single line is read without crashing") {
  std::string huge = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  blob: ";
  huge.append(50u * 1024 * 1024, 'x');
  huge += "\n";
  auto report = test::lint_text(huge);
  CHECK(report.summary.resources == 1);
  // Read whole, and judged: the API server refuses a ConfigMap over 1 MiB (MaxSecretSize).
  REQUIRE(report.summary.error == 1);
  for (const auto& f : report.findings) {
    if (f.severity == chartproof::Severity::Error) CHECK(f.rule == "invalid-data-key");
  }
  // The same line, broken: the error is located, and the code frame stays short.
  huge.insert(huge.size() - 1, ": [");
  auto broken = test::lint_text(huge);
  REQUIRE_FALSE(broken.findings.empty());
  CHECK(broken.findings[0].rule == "invalid-yaml");
  std::string text = chartproof::format_text(broken);
  CHECK(text.size() < 4096);
}
