// Chart mode folds findings of one rule at one edit location into one finding that lists its
// objects (Finding::more); every format says so, and baselines and JUnit still see each object.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "chartproof/report.hpp"

using namespace chartproof;

namespace {

Finding at_values_line(const std::string& rule, const std::string& kind, const std::string& name,
                       const std::string& container) {
  Finding f;
  f.rule = rule;
  f.pack = "security";
  f.severity = Severity::Error;
  f.message = "container \"" + container + "\" runs as root";
  f.resource = ResourceRef{"apps/v1", kind, "default", name};
  f.path = "spec.template.spec.securityContext.runAsUser";
  f.file = "chart/values.yaml";
  f.line = 7;
  f.column = 14;
  f.template_name = "chart/templates/" + name + ".yaml";
  f.rendered = SourcePosition{"helm template chart", 40, 20};
  return f;
}

LintReport grouped_report() {
  LintReport r;
  r.findings = {at_values_line("run-as-root", "Deployment", "api", "api"),
                at_values_line("run-as-root", "Deployment", "web", "web"),
                at_values_line("run-as-root", "Job", "migrate", "migrate"),
                at_values_line("privileged-container", "Deployment", "api", "api")};
  Finding plain = at_values_line("run-as-root", "Deployment", "api", "api");
  plain.rendered.reset();  // plain input: one finding per object, always
  plain.file = "deploy.yaml";
  r.findings.push_back(plain);
  r.findings.push_back(plain);
  std::stable_sort(r.findings.begin(), r.findings.end(), finding_less);
  group_at_edit_locations(r.findings);
  r.summary.findings = r.findings.size();
  r.summary.error = r.findings.size();
  for (const auto& f : r.findings) r.summary.objects += f.occurrences();
  return r;
}

}  // namespace

TEST_CASE("one rule at one edit location is one finding listing its objects; other rules and plain input are not") {
  LintReport r = grouped_report();
  REQUIRE(r.findings.size() == 4);  // deploy.yaml x2, privileged-container, run-as-root (grouped)
  CHECK(r.findings[0].file == "chart/values.yaml");
  CHECK(r.findings[0].rule == "privileged-container");
  CHECK(r.findings[0].more.empty());
  const Finding& g = r.findings[1];
  CHECK(g.rule == "run-as-root");
  CHECK(g.resource.name == "api");  // the first in output order leads
  REQUIRE(g.more.size() == 2);
  CHECK(g.more[0].resource.name == "migrate");
  CHECK(g.more[1].resource.name == "web");
  CHECK(g.occurrences() == 3);
  CHECK(r.findings[2].file == "deploy.yaml");
  CHECK(r.findings[3].file == "deploy.yaml");
  CHECK(more_objects_suffix(g) == " (and 2 more: Job \"default/migrate\", Deployment \"default/web\")");
  CHECK(ungrouped(r.findings).size() == 6);
}

TEST_CASE("every format carries a grouped finding once, with its objects") {
  LintReport r = grouped_report();
  // Text: the quiet line names the object and the others; the summary counts both.
  std::string quiet = format_text(r, TextOptions{false, false, true});
  CHECK(quiet.find("chart/values.yaml:7:14: error: container \"api\" runs as root [run-as-root] in Deployment "
                   "\"default/api\" (and 2 more: Job \"default/migrate\", Deployment \"default/web\")\n") !=
        std::string::npos);
  std::string text = format_text(r, TextOptions{false, false, false});
  CHECK(text.find("  and 2 more at this line:\n    Job \"default/migrate\" from chart/templates/migrate.yaml: "
                  "container \"migrate\" runs as root\n") != std::string::npos);
  CHECK(text.find("4 findings on 6 objects (4 errors") != std::string::npos);
  // JSON: `more` holds each folded finding; summary.objects.
  rapidjson::Document json;
  json.Parse(format_json(r).c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK(json["findings"].Size() == 4);
  CHECK(json["findings"][1]["more"].Size() == 2);
  CHECK(std::string(json["findings"][1]["more"][1]["resource"]["name"].GetString()) == "web");
  CHECK(json["findings"][0]["more"].Size() == 0);
  CHECK(json["summary"]["objects"].GetUint() == 6);
  // SARIF: one result, every object a logical location.
  rapidjson::Document sarif;
  sarif.Parse(format_sarif(r, ".").c_str());
  REQUIRE_FALSE(sarif.HasParseError());
  const auto& results = sarif["runs"][0]["results"];
  CHECK(results.Size() == 4);
  CHECK(results[1]["locations"][0]["logicalLocations"].Size() == 3);
  CHECK(std::string(results[1]["message"]["text"].GetString()).find("(and 2 more: ") != std::string::npos);
  // GitHub: one annotation that says how many more.
  std::string github = format_github(r);
  CHECK(std::count(github.begin(), github.end(), '\n') == 4);
  CHECK(github.find("(and 2 more: Job \"default/migrate\", Deployment \"default/web\")") != std::string::npos);
  // JUnit: a testcase per object, so each of the grouped three fails (api, migrate, web), beside
  // deploy.yaml's api (one failure element per failing testcase).
  std::string junit = format_junit(r);
  CHECK(junit.find(
            "name=\"Job/default/migrate\">\n      <failure type=\"error\" message=\"container &quot;migrate&quot;") !=
        std::string::npos);
  CHECK(junit.find("name=\"Deployment/default/web\">\n      <failure ") != std::string::npos);
  std::size_t failures = 0;
  for (std::size_t at = junit.find("<failure "); at != std::string::npos; at = junit.find("<failure ", at + 1))
    ++failures;
  CHECK(failures == 4);
  // Baselines match object by object: each one is an entry.
  CHECK(baseline_findings(r).size() == 6);
}
