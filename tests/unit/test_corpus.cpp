// Every real rendered chart of ../shared/corpus: linted without a crash, every document a resource.
#include <doctest/doctest.h>

#include <iostream>
#include <map>

#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
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

// Issue 7's bar: over the whole corpus as one input (so the CRDs of the --include-crds renders are
// there), the schema pack reports nothing the API server would accept. What it does report, each
// reviewed: prometheus-adapter renders apiregistration.k8s.io/v1beta1 APIService (removed in 1.22;
// helm template without a cluster picks it), and one ingress-nginx variant makes cert-manager
// Certificates and Issuers whose CRDs are not in the corpus (info: not validated).
TEST_CASE("corpus: the schema pack reports only the reviewed findings on Kubernetes 1.36") {
  fs::path rendered = test::shared_dir() / "corpus" / "rendered";
  if (!fs::exists(rendered)) {
    std::cout << "[skipped] " << rendered.string() << " is absent\n";
    return;
  }
  auto options = test::only(
      {"schema-violation", "unknown-field", "deprecated-api-version", "removed-api-version", "unknown-kind"});
  auto linter = chartproof::Linter::create(options);
  REQUIRE(linter);
  auto files = chartproof::read_inputs({rendered.string()});
  REQUIRE(files);
  auto report = linter->lint(std::move(files.value()));
  std::map<std::string, std::size_t> got;
  for (const auto& f : report.findings) got[f.rule + " " + fs::path(f.file).filename().string()]++;
  std::map<std::string, std::size_t> expected = {
      {"removed-api-version prometheus-community__prometheus-adapter.yaml", 1},
      {"removed-api-version prometheus-community__prometheus-adapter__default-values.yaml", 1},
      {"removed-api-version prometheus-community__prometheus-adapter__external-rules-values.yaml", 2},
      {"unknown-kind ingress-nginx__ingress-nginx__admission-webhooks-cert-manager-values.yaml", 4},
  };
  std::string all;
  for (const auto& [k, n] : got) all += "\n  " + k + " x" + std::to_string(n);
  INFO("got:", all);
  CHECK(got == expected);
  CHECK(report.summary.resources > 4000);
}
