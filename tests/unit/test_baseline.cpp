// Baselines (--baseline / --write-baseline): what matches survives unrelated edits, new findings
// still count, stale entries are reported, and a broken baseline file is a located error.
#include <doctest/doctest.h>

#include <set>

#include "chartproof/baseline.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/report.hpp"
#include "test_support.hpp"

namespace {

// A Deployment whose container runs as root.
const std::string kApp = test::read_file(test::source_dir() / "testdata/baseline/root-app.yaml");

chartproof::LintOptions with_baseline(const std::string& baseline_text,
                                      std::vector<std::string> rules = {"run-as-root", "missing-memory-limit"}) {
  rules.emplace_back("stale-baseline-entry");
  auto options = test::only(rules);
  auto baseline = chartproof::parse_baseline(baseline_text, "baseline.json");
  REQUIRE_MESSAGE(baseline, (baseline ? "" : baseline.error().to_string()));
  options.baseline = std::make_shared<const chartproof::Baseline>(std::move(baseline.value()));
  return options;
}

std::string baseline_of(const std::string& text) {
  auto report = test::lint_text(text, test::only({"run-as-root", "missing-memory-limit"}));
  REQUIRE(report.findings.size() == 2);
  return chartproof::format_baseline(report.findings);
}

}  // namespace

TEST_CASE("a baseline of today's findings hides them, and they survive edits that move lines") {
  std::string baseline = baseline_of(kApp);
  auto same = test::lint_text(kApp, with_baseline(baseline));
  CHECK(same.findings.empty());
  CHECK(same.baselined.size() == 2);
  CHECK(same.summary.baselined == 2);
  CHECK(same.summary.findings == 0);
  CHECK(same.ok(chartproof::Severity::Info));

  // Comments above and a reordered metadata move every line; the fingerprints do not change.
  std::string moved = "# owned by the shop team\n# see the runbook\n" + kApp;
  auto shifted = test::lint_text(moved, with_baseline(baseline), "renamed.yaml");
  CHECK(shifted.findings.empty());
  CHECK(shifted.baselined.size() == 2);
}

TEST_CASE("a new finding still counts; a fixed one leaves a stale entry at its line in the baseline") {
  std::string baseline = baseline_of(kApp);
  // A second container running as root is new; the first one keeps its baseline entry.
  std::string more = kApp +
                     "        - name: sidecar\n          image: registry.example.com/side:1.0.0\n"
                     "          securityContext: {runAsUser: 0}\n";
  auto report = test::lint_text(more, with_baseline(baseline));
  auto rules = test::rules_of(report);
  CHECK(rules == std::vector<std::string>{"missing-memory-limit", "run-as-root"});
  for (const auto& f : report.findings) CHECK(f.path.find("containers[1]") != std::string::npos);
  CHECK_FALSE(report.ok(chartproof::Severity::Error));

  // The root container was fixed: its run-as-root entry matches nothing.
  std::string fixed = kApp.substr(0, kApp.find("{runAsUser: 0}")) + "{runAsUser: 1000}\n";
  auto after = test::lint_text(fixed, with_baseline(baseline));
  REQUIRE(test::rules_of(after) == std::vector<std::string>{"stale-baseline-entry"});
  const auto& stale = after.findings.front();
  CHECK(stale.severity == chartproof::Severity::Info);
  CHECK(stale.file == "baseline.json");
  std::size_t entry_line = 0;
  std::istringstream lines(baseline);
  std::string line;
  for (std::size_t n = 1; std::getline(lines, line); ++n) {
    if (line.find("\"run-as-root\"") != std::string::npos) entry_line = n;
  }
  CHECK(stale.line == entry_line);
  CHECK(stale.message.find("run-as-root on Deployment shop/api") != std::string::npos);
  CHECK(after.ok(chartproof::Severity::Warning));
}

TEST_CASE("an entry covers as many findings as its count") {
  // The same Deployment twice (helm rendering one template for two releases into one file).
  std::string twice = kApp + "---\n" + kApp;
  auto report = test::lint_text(twice, test::only({"run-as-root"}));
  REQUIRE(report.findings.size() == 2);
  std::string baseline = chartproof::format_baseline(report.findings);
  CHECK(baseline.find("\"count\":2") != std::string::npos);
  std::vector<chartproof::Finding> one{report.findings.front()};
  auto partial = test::lint_text(twice, with_baseline(chartproof::format_baseline(one), {"run-as-root"}));
  CHECK(test::rules_of(partial) == std::vector<std::string>{"run-as-root"});
  CHECK(partial.baselined.size() == 1);
  auto once = test::lint_text(kApp, with_baseline(baseline, {"run-as-root"}));
  REQUIRE(test::rules_of(once) == std::vector<std::string>{"stale-baseline-entry"});
  CHECK(once.findings.front().message.find("occurs 1 of 2 times now") != std::string::npos);
}

TEST_CASE("baseline fingerprints are SARIF's partialFingerprints") {
  auto report = test::lint_text(kApp, test::only({"run-as-root", "missing-memory-limit"}));
  std::vector<chartproof::ParseIssue> issues;
  auto sarif = chartproof::parse_single(chartproof::format_sarif(report, "."), issues);
  auto baseline = chartproof::parse_baseline(chartproof::format_baseline(report.findings), "b.json");
  REQUIRE(baseline);
  std::set<std::string> from_sarif, from_baseline;
  chartproof::Node results = sarif->root().at_path("runs[0].results");
  for (std::size_t i = 0; i < results.size(); ++i) {
    from_sarif.emplace(results.item(i).at_path("partialFingerprints[\"chartproof/v3\"]").text());
  }
  for (const auto& e : baseline->entries) from_baseline.insert(e.fingerprint);
  CHECK(from_sarif.size() == 2);
  CHECK(from_sarif == from_baseline);
}

TEST_CASE("a baseline file that is not one is a located error") {
  struct Case {
    std::string text;
    std::uint32_t line;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[]", 1, "a baseline is a JSON object"},
      {"{\"version\": 3, \"findings\": []}", 1, "version must be 1 or 2"},
      {"{\"version\": 1}", 1, "findings"},
      {"{\"version\": 1,\n \"findings\": [\n  {\"fingerprint\": \"xyz\", \"rule\": \"run-as-root\"}]}", 3, "pattern"},
      {"{\"version\": 1,\n \"findings\": [\n  {\"fingerprint\": \"0123456789abcdef\"}]}", 3, "rule"},
      {"{\"version\": 1, \"findings\": [], \"extra\": true}", 1, "extra"},
      {"{\"version\": 1, \"findings\": [", 1, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto baseline = chartproof::parse_baseline(c.text, "b.json");
    REQUIRE_FALSE(baseline);
    CHECK(baseline.error().file == "b.json");
    CHECK(baseline.error().line == c.line);
    CHECK(baseline.error().message.find(c.message) != std::string::npos);
  }
  CHECK_FALSE(chartproof::load_baseline("/nonexistent/baseline.json"));
}

namespace {

// A Deployment with two containers, each with env and a port; `first` goes before them when given.
std::string two_containers(const std::string& first = "", bool swap_env = false) {
  std::string env = swap_env ? "            - {name: B, value: \"2\"}\n            - {name: A, value: \"1\"}\n"
                             : "            - {name: A, value: \"1\"}\n            - {name: B, value: \"2\"}\n";
  auto container = [&](const std::string& name) {
    return "        - name: " + name + "\n          image: registry.example.com/" + name +
           ":1.0.0\n          securityContext: {runAsUser: 0}\n          ports: [{containerPort: 8080}]\n"
           "          env:\n" +
           env;
  };
  return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop, namespace: shop}\nspec:\n"
         "  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {app: shop}}\n    spec:\n"
         "      containers:\n" +
         first + container("api") + container("worker");
}

const std::vector<std::string> kListRules = {"run-as-root", "missing-memory-limit"};

}  // namespace

TEST_CASE("baseline entries name list items by merge key: an added sidecar, reordered env, a removed container") {
  auto written = test::lint_text(two_containers(), test::only(kListRules));
  REQUIRE(written.findings.size() == 4);
  std::string baseline = chartproof::format_baseline(written.findings);
  CHECK(baseline.find("\"version\": 2") != std::string::npos);
  CHECK(written.findings[0].keyed_path.find("containers[name=") != std::string::npos);

  // A sidecar before the others shifts every index: only the sidecar's own findings are new.
  std::string sidecar =
      "        - name: proxy\n          image: registry.example.com/proxy:1.0.0\n"
      "          securityContext: {runAsUser: 0}\n";
  auto added = test::lint_text(two_containers(sidecar), with_baseline(baseline, kListRules));
  CHECK(added.baselined.size() == 4);
  REQUIRE(added.findings.size() == 2);
  for (const auto& f : added.findings) {
    CHECK(f.path.find("containers[0]") != std::string::npos);  // the sidecar
    CHECK(f.keyed_path.find("containers[name=proxy]") != std::string::npos);
  }

  // Reordered env changes no path of a finding that is not about env.
  auto reordered = test::lint_text(two_containers("", true), with_baseline(baseline, kListRules));
  CHECK(reordered.findings.empty());
  CHECK(reordered.baselined.size() == 4);

  // Removing a container leaves exactly its entries stale.
  std::string without_api = two_containers();
  auto api = without_api.find("        - name: api");
  auto worker = without_api.find("        - name: worker");
  without_api.erase(api, worker - api);
  auto removed = test::lint_text(without_api, with_baseline(baseline, kListRules));
  CHECK(removed.baselined.size() == 2);
  REQUIRE(removed.findings.size() == 2);
  for (const auto& f : removed.findings) {
    CHECK(f.rule == "stale-baseline-entry");
    CHECK(f.message.find("containers[0]") != std::string::npos);  // the entry's readable path: api
  }
}

TEST_CASE("keyed paths: merge keys where items have them, indices where not") {
  std::vector<chartproof::ParseIssue> issues;
  auto doc = chartproof::parse_single(
      "spec:\n  ports: [{port: 80, name: http}]\n  containers:\n    - name: app\n      ports: [{containerPort: 8080}]\n"
      "      volumeMounts: [{name: data, mountPath: /data}]\n      args: [a, b]\n    - image: nameless\n",
      issues);
  REQUIRE(doc);
  auto keyed = [&](const char* path) { return chartproof::keyed_path(doc->root(), path); };
  CHECK(keyed("spec.ports[0].name") == "spec.ports[port=80].name");
  CHECK(keyed("spec.containers[0].ports[0].containerPort") ==
        "spec.containers[name=app].ports[containerPort=8080].containerPort");
  CHECK(keyed("spec.containers[0].volumeMounts[0]") == "spec.containers[name=app].volumeMounts[mountPath=/data]");
  CHECK(keyed("spec.containers[0].args[1]") == "spec.containers[name=app].args[1]");
  CHECK(keyed("spec.containers[1].image") == "spec.containers[1].image");
  CHECK(keyed("spec.containers[7].image") == "spec.containers[7].image");  // a path past the tree stays
}

TEST_CASE("a format 1 baseline is still read, by position, and asked to be rewritten") {
  auto written = test::lint_text(kApp, test::only({"run-as-root", "missing-memory-limit"}));
  REQUIRE(written.findings.size() == 2);
  std::string v1 = "{\"version\": 1, \"findings\": [\n";
  for (std::size_t i = 0; i < written.findings.size(); ++i) {
    v1 += std::string(i ? ",\n" : "") + "{\"fingerprint\": \"" +
          chartproof::finding_fingerprint_v1(written.findings[i]) + "\", \"rule\": \"" + written.findings[i].rule +
          "\"}";
  }
  v1 += "]}\n";
  auto report = test::lint_text(kApp, with_baseline(v1));
  CHECK(report.baselined.size() == 2);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].rule == "stale-baseline-entry");
  CHECK(report.findings[0].line == 1);
  CHECK(report.findings[0].message.find("baseline format 1 names list items by position") == 0);
}
