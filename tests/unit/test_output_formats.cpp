// SARIF (validated against the official 2.1.0 schema), JUnit, GitHub annotations, --format FILE.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <iostream>
#include <set>

#include "app.hpp"
#include "chart_fixture.hpp"
#include "chartproof/audit.hpp"
#include "chartproof/formats.hpp"
#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
#include "chartproof/rule_pack.hpp"
#include "jsonschema/json_schema.hpp"
#include "report/report_interchange.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace {

chartproof::LintReport broken_report() {
  auto files = chartproof::read_inputs({(test::source_dir() / "examples/todo-app/rendered-broken.yaml").string()});
  REQUIRE(files);
  return chartproof::Linter::create({})->lint(std::move(files.value()));
}

}  // namespace

TEST_CASE("SARIF validates against the official SARIF 2.1.0 schema") {
  fs::path schema_file = test::shared_dir() / "schemas/sarif-schema-2.1.0.json";
  if (!fs::exists(schema_file)) {
    std::cout << "[skipped] " << schema_file.string() << " is absent: SARIF schema test not run\n";
    return;
  }
  rapidjson::Document schema_json;
  std::string schema_text = test::read_file(schema_file);
  schema_json.Parse(schema_text.c_str());
  REQUIRE_FALSE(schema_json.HasParseError());
  auto schema = chartproof::jsonschema::Schema::compile(schema_json, schema_file.string());
  REQUIRE_MESSAGE(schema, (schema ? "" : schema.error().message));

  auto report = broken_report();
  std::string sarif = chartproof::format_sarif(report, test::source_dir().string());
  std::vector<chartproof::ParseIssue> issues;
  auto doc = chartproof::parse_single(sarif, issues);
  REQUIRE(doc);
  auto violations = schema->validate(doc->root());
  std::string all;
  for (const auto& v : violations) all += "\n  " + v.path + ": " + v.message;
  INFO("violations:", all);
  CHECK(violations.empty());

  // A document that breaks the schema is caught, so the check above can fail.
  std::string broken = sarif;
  broken.replace(broken.find("\"2.1.0\""), 7, "\"9.9\"");
  CHECK_FALSE(schema->validate(chartproof::parse_single(broken, issues)->root()).empty());

  chartproof::Node run = doc->root().at_path("runs[0]");
  CHECK(run.at_path("tool.driver.rules").size() == report.rules.size());
  CHECK(run.get("results").size() == report.findings.size());
  chartproof::Node first = run.at_path("results[0].locations[0]");
  CHECK(first.at_path("physicalLocation.artifactLocation.uri").text() == "examples/todo-app/rendered-broken.yaml");
  CHECK(first.at_path("physicalLocation.artifactLocation.uriBaseId").text() == "SRCROOT");
  CHECK(first.at_path("physicalLocation.region.startLine").as_int() == 59);
  CHECK(first.at_path("logicalLocations[0].fullyQualifiedName").text() ==
        "todo-app/Service/todo-app-frontend:spec.selector");
  CHECK(run.at_path("tool.driver.rules[0].helpUri").text().find("docs/rules.md#") != std::string_view::npos);
}

TEST_CASE("SARIF fingerprints are stable across runs and distinct across findings") {
  auto a = chartproof::format_sarif(broken_report(), test::source_dir().string());
  auto b = chartproof::format_sarif(broken_report(), test::source_dir().string());
  CHECK(a == b);
  std::vector<chartproof::ParseIssue> issues;
  auto doc = chartproof::parse_single(a, issues);
  std::set<std::string> prints;
  chartproof::Node results = doc->root().at_path("runs[0].results");
  for (std::size_t i = 0; i < results.size(); ++i)
    prints.emplace(results.item(i).at_path("partialFingerprints[\"chartproof/v3\"]").text());
  CHECK(prints.size() == results.size());
}

TEST_CASE("JUnit: a testcase per resource, unique names, failing only at --fail-on, with locations") {
  auto report = broken_report();
  std::string xml = chartproof::format_junit(report);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0) == 0);
  std::set<std::string> names;
  std::size_t cases = 0;
  for (std::size_t p = xml.find("<testcase "); p != std::string::npos; p = xml.find("<testcase ", p + 1)) {
    auto start = xml.find(" name=\"", p) + 7;
    names.insert(xml.substr(start, xml.find('"', start) - start));
    ++cases;
  }
  CHECK(cases == report.summary.resources);  // 7 objects: 7 testcases, not one per resource x rule
  CHECK(names.size() == cases);
  CHECK(names.count("Deployment/todo-app/todo-app-backend") == 1);
  // 5 errors in 3 objects fail at the default threshold (duplicate-key joins its Deployment); the
  // 2 warnings are notes.
  CHECK(xml.find("<testsuites name=\"chartproof\" tests=\"7\" failures=\"3\">") != std::string::npos);
  CHECK(xml.find("document at line") == std::string::npos);
  auto notes = xml.find("<system-out>");
  REQUIRE(notes != std::string::npos);
  CHECK(xml.find("rendered-broken.yaml:154:13: warning: container &quot;backend&quot; has no memory limit "
                 "[missing-memory-limit]",
                 notes) != std::string::npos);
  CHECK(xml.find("rendered-broken.yaml:165:24: error: container &quot;backend&quot; runs as UID 0 (root), which its "
                 "runAsNonRoot: true forbids: the kubelet refuses to start it [run-as-root]") != std::string::npos);
  // --fail-on warning: the warnings fail too; --fail-on never: nothing fails (the exit code is 0).
  std::string warning = chartproof::format_junit(report, chartproof::Severity::Warning);
  CHECK(warning.find("<system-out>") == std::string::npos);
  CHECK(warning.find("has no memory limit [missing-memory-limit]") != std::string::npos);
  std::string never = chartproof::format_junit(report, std::nullopt);
  CHECK(never.find("<failure") == std::string::npos);
  CHECK(never.find("failures=\"0\">") != std::string::npos);
}

TEST_CASE("JUnit: a finding in a document that holds no object gets a testcase of its own (issue 27)") {
  // A Secret, then a ConfigMap document that does not parse, then a Deployment with a repeated key.
  const std::string text =
      "apiVersion: v1\nkind: Secret\nmetadata: {name: app-secrets}\nstringData: {a: b}\n"
      "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config\ndata: [oops\n"
      "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  name: web\n";
  auto report = test::lint_text(text, test::only({"invalid-yaml", "duplicate-key"}), "r.yaml");
  REQUIRE(report.findings.size() == 2);
  std::string xml = chartproof::format_junit(report);
  auto testcase = [&](const std::string& name) {
    auto at = xml.find("<testcase classname=\"r.yaml\" name=\"" + name + "\"");
    REQUIRE(at != std::string::npos);
    return xml.substr(at, xml.find("<testcase", at + 1) - at);
  };
  CHECK(testcase("Secret/default/app-secrets").find("<failure") == std::string::npos);
  CHECK(testcase("document at line 5").find("[invalid-yaml]") != std::string::npos);
  // A document-level finding inside an object's own document stays with the object.
  CHECK(testcase("Deployment/default/web").find("[duplicate-key]") != std::string::npos);
  CHECK(xml.find("tests=\"3\" failures=\"2\"") != std::string::npos);
}

TEST_CASE("GitHub annotations: one workflow command per finding, escaped") {
  auto report = broken_report();
  std::string out = chartproof::format_github(report);
  CHECK(std::count(out.begin(), out.end(), '\n') == static_cast<long>(report.findings.size()));
  CHECK(out.find(",line=165,col=24,title=run-as-root::container \"backend\" runs as UID 0 (root), which its "
                 "runAsNonRoot: true forbids: the kubelet refuses to start it\n") != std::string::npos);
  CHECK(out.rfind("::error file=", 0) == 0);
}

TEST_CASE("CLI: several formats in one run, files and standard output") {
  test::TempDir tmp;  // a fresh folder per run: parallel runs never share files
  std::string dir = tmp.path.string();
  std::ostringstream out, err;
  std::string input = (test::source_dir() / "examples/todo-app/rendered-broken.yaml").string();
  int code = chartproof::cli::run({"lint", "--quiet", "--format", "text", "--format", "sarif=" + dir + "/r.sarif",
                                   "--format", "junit=" + dir + "/r.xml", input},
                                  chartproof::cli::Environment{out, err, false, false});
  CHECK(code == 1);
  CHECK(fs::file_size(dir + "/r.sarif") > 1000);
  CHECK(fs::file_size(dir + "/r.xml") > 1000);
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 7);  // --quiet: the finding lines only
  std::ostringstream out2, err2;
  CHECK(chartproof::cli::run({"lint", "--format", "json", "--format", "sarif", input},
                             chartproof::cli::Environment{out2, err2, false, false}) == 2);
  CHECK(err2.str().find("json and sarif would both write to standard output") != std::string::npos);
  // --output with two formats used to keep only the last one silently: a usage error, nothing written.
  std::ostringstream out3, err3;
  CHECK(chartproof::cli::run({"lint", "--format", "json", "--format", "sarif", "--output", dir + "/both", input},
                             chartproof::cli::Environment{out3, err3, false, false}) == 2);
  CHECK(err3.str().find("json and sarif would both write to " + dir + "/both") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/both"));
  // The same file named twice, and one format to --output beside another to its own file.
  std::ostringstream out4, err4;
  CHECK(chartproof::cli::run({"lint", "--format", "json=" + dir + "/x", "--format", "sarif=" + dir + "/x", input},
                             chartproof::cli::Environment{out4, err4, false, false}) == 2);
  std::ostringstream out5, err5;
  CHECK(chartproof::cli::run(
            {"lint", "--format", "json", "--format", "sarif=" + dir + "/s.sarif", "--output", dir + "/j.json", input},
            chartproof::cli::Environment{out5, err5, false, false}) == 1);
  CHECK(fs::file_size(dir + "/j.json") > 1000);
  CHECK(fs::file_size(dir + "/s.sarif") > 1000);
  CHECK_FALSE(fs::exists(dir + "/j.json.chartproof-partial"));
  // A report that cannot be written is exit 2 and leaves no partial file behind.
  std::ostringstream out6, err6;
  CHECK(chartproof::cli::run({"lint", "--format", "json=" + dir + "/missing/dir/r.json", input},
                             chartproof::cli::Environment{out6, err6, false, false}) == 2);
  CHECK(err6.str().find("cannot write the json report") != std::string::npos);
}

TEST_CASE("the format table: every format a command lists has a writer, and no other name does") {
  using namespace chartproof;
  auto report = broken_report();
  std::set<std::string_view> names;
  for (const auto& f : output_formats()) {
    CHECK_MESSAGE(names.insert(f.name).second, f.name);
    CHECK(f.uses != 0);
    CHECK_FALSE(f.writes.empty());
  }
  for (const auto& name : format_names(kFormatLint)) {
    std::ostringstream out;
    CHECK_MESSAGE(write_report(report, name, WriteOptions{}, out), name);
    CHECK_MESSAGE(!out.str().empty(), name);
  }
  std::vector<RuleDefinition> rules;
  for (const auto* def : RuleCatalogue::builtin()->rules()) rules.push_back(*def);
  for (const auto& name : format_names(kFormatRules)) {
    std::ostringstream out;
    CHECK_MESSAGE(write_rules(rules, name, out), name);
  }
  for (const auto& name : format_names(kFormatAudit)) {
    std::ostringstream out;
    CHECK_MESSAGE(write_audit({}, name, out), name);
  }
  // A name the table does not give a command is refused, and nothing is written.
  std::ostringstream none;
  CHECK_FALSE(write_report(report, "markdown", WriteOptions{}, none));
  CHECK_FALSE(write_audit({}, "junit", none));
  CHECK_FALSE(write_rules(rules, "sarif", none));
  CHECK(none.str().empty());
  CHECK(format_name_list(kFormatLint) == "text, json, sarif, junit, github, html");
}

TEST_CASE("a report read back from its interchange form writes every audit format as the report itself") {
  // What an audit task hands across machines is read back typed (report_interchange.hpp); the
  // JSON, SARIF and HTML written from it must be the ones written from the report it came from.
  std::vector<chartproof::LintReport> reports;
  reports.push_back(broken_report());
  REQUIRE_MESSAGE(!test::helm_path().empty(), "helm is required (scripts/get-helm.sh)");
  chartproof::LintRequest request;
  request.paths = {(test::source_dir() / "examples/todo-app").string()};
  request.chart.helm = test::helm_path();
  request.profile = "strict";
  auto chart = chartproof::lint_request(request);
  REQUIRE_MESSAGE(chart, (chart ? "" : chart.error().to_string()));
  reports.push_back(std::move(chart.value()));
  for (const auto& report : reports) {
    REQUIRE_FALSE(report.findings.empty());
    auto back = chartproof::report::read_report_interchange(chartproof::report::format_report_interchange(report));
    REQUIRE_MESSAGE(back, (back ? "" : back.error().to_string()));
    CHECK(back->inputs.empty());
    CHECK(chartproof::format_json(back.value()) == chartproof::format_json(report));
    CHECK(chartproof::format_sarif(back.value(), "/src") == chartproof::format_sarif(report, "/src"));
    std::vector<std::string> details = chartproof::finding_details(report);
    chartproof::HtmlSection from_report{"t", "c", "", &report, details, "prod", "1.30"};
    chartproof::HtmlSection from_back{"t", "c", "", &back.value(), details, "prod", "1.30"};
    CHECK(chartproof::format_html({from_back}, "t") == chartproof::format_html({from_report}, "t"));
    // The public JSON report validates against the same schema (it lacks only the interchange members).
    CHECK(chartproof::report::read_report_interchange(chartproof::format_json(report)));
  }
  // Off the schema: refused at the field, never read as a clean report.
  std::string text = chartproof::report::format_report_interchange(reports.front());
  text.replace(text.find("\"severity\": \"error\""), 19, "\"severity\": \"fatal\"");
  auto refused = chartproof::report::read_report_interchange(text);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message.find("severity") != std::string::npos);
}
