// Every real rendered chart of ../shared/corpus: linted without a crash, every document a resource.
#include <doctest/doctest.h>

#include <iostream>
#include <map>

#include "chartproof/report.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("corpus: every rendered chart lints, and resources equal the documents INDEX.tsv counts") {
  fs::path corpus = test::shared_dir() / "corpus";
  if (!fs::exists(corpus / "INDEX.tsv")) {
    std::cout << "[skipped] " << corpus.string() << " is absent: corpus robustness test not run\n";
    return;
  }
  // INDEX.tsv: file, repo, chart, version, commit, documents, ... (documents = objects in the render)
  std::map<std::string, std::size_t> expected;
  std::istringstream index(test::read_file(corpus / "INDEX.tsv"));
  std::string line;
  std::getline(index, line);  // header
  while (std::getline(index, line)) {
    std::vector<std::string> cols;
    std::istringstream row(line);
    std::string col;
    while (std::getline(row, col, '\t')) cols.push_back(col);
    if (cols.size() > 5) expected[cols[0]] = std::stoul(cols[5]);
  }
  auto linter = chartproof::Linter::create({});
  REQUIRE(linter);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(corpus / "rendered")) {
    std::string name = entry.path().filename().string();
    CAPTURE(name);
    std::vector<chartproof::SourceFile> input{chartproof::SourceFile{name, test::read_file(entry.path())}};
    auto report = linter->lint(std::move(input));
    REQUIRE(expected.count(name) == 1);
    CHECK(report.summary.resources == expected[name]);
    for (const auto& f : report.findings) {
      CHECK(f.rule != "invalid-yaml");  // real helm output is valid YAML
      CHECK(f.line > 0);
    }
    CHECK_FALSE(chartproof::format_json(report).empty());
    ++files;
  }
  CHECK(files == expected.size());
}
