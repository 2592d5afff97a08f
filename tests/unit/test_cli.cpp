// The CLI in-process: formats, exit codes, errors, selection, colour, docs, --jobs determinism.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include "app.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
#include "chartproof/version.hpp"
#include "test_support.hpp"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run cli(std::vector<std::string> args, bool terminal = false, bool no_color = false) {
  std::ostringstream out, err;
  int code = chartproof::cli::run(args, chartproof::cli::Environment{out, err, terminal, no_color});
  return Run{code, out.str(), err.str()};
}

std::string path(const std::string& rel) { return (test::source_dir() / rel).string(); }

}  // namespace

TEST_CASE("exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage and I/O errors") {
  CHECK(cli({"lint", path("examples/todo-app/rendered.yaml")}).code == 0);
  CHECK(cli({"lint", path("examples/todo-app/rendered-broken.yaml")}).code == 1);
  CHECK(cli({"lint", "--fail-on", "never", path("examples/todo-app/rendered-broken.yaml")}).code == 0);
  CHECK(cli({"lint", "--fail-on", "warning", path("testdata/rules/missing-cpu-limit/fail.yaml"), "--disable",
             "security,probes,missing-memory-limit"})
            .code == 1);
  CHECK(cli({"lint", "--fail-on", "error", path("testdata/rules/missing-cpu-limit/fail.yaml"), "--disable",
             "security,probes,missing-memory-limit"})
            .code == 0);
  Run missing = cli({"lint", "/no/such/file.yaml"});
  CHECK(missing.code == 2);
  CHECK(missing.err == "chartproof: /no/such/file.yaml: no such file or directory\n");
  Run bad_flag = cli({"lint", "--format", "xml", path("examples/todo-app/rendered.yaml")});
  CHECK(bad_flag.code == 2);
  CHECK(bad_flag.err == "chartproof: unknown format \"xml\"; formats: text, json, sarif, junit, github, html\n");
  CHECK(cli({"lint"}).code == 2);
  CHECK(cli({}).code == 2);
  Run unknown = cli({"lint", "--enable", "run-as-rot", path("examples/todo-app/rendered.yaml")});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean \"run-as-root\"") != std::string::npos);
}

TEST_CASE("--profile selects a built-in profile; an unknown one is a usage error") {
  std::string file = path("testdata/manifests/hardened.yaml");
  CHECK(cli({"lint", file}).code == 0);
  Run strict = cli({"lint", "--profile", "strict", file});
  CHECK(strict.code == 1);
  CHECK(strict.out.find("below the minimum 1000 [run-as-root]") != std::string::npos);
  Run unknown = cli({"lint", "--profile", "strct", file});
  CHECK(unknown.code == 2);
  CHECK(unknown.err == "chartproof: unknown profile \"strct\" (did you mean \"strict\"?)\n");
}

TEST_CASE("--version and --help") {
  Run v = cli({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out == "chartproof " + std::string(chartproof::version()) + "\n");
  Run h = cli({"lint", "--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("--fail-on") != std::string::npos);
}

TEST_CASE("text output: location, rule, resource, template, code frame, summary") {
  Run r = cli({"lint", path("examples/todo-app/rendered-broken.yaml")});
  std::string file = path("examples/todo-app/rendered-broken.yaml");
  CHECK(r.out.find(file + ":165:24: error: container \"backend\" runs as UID 0 (root), which its runAsNonRoot: true "
                          "forbids: the kubelet refuses to start it [run-as-root]\n") != std::string::npos);
  CHECK(r.out.find("  in Deployment \"todo-app/todo-app-backend\" from todo-app/templates/backend-deployment.yaml\n") !=
        std::string::npos);
  CHECK(r.out.find("  165 |             runAsUser: 0\n      |                        ^\n") != std::string::npos);
  CHECK(r.out.find("7 findings (5 errors, 2 warnings, 0 info) in 7 documents, 7 resources in 1 file\n") !=
        std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("secrets are never printed in full, in any format") {
  std::string file = path("examples/todo-app/rendered-broken.yaml");
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    Run r = cli({"lint", "--format", format, file});
    CHECK(r.out.find("Tr0ub4dor-3") == std::string::npos);
    CHECK(r.out.find("Tr0u") != std::string::npos);
  }
  Run fixtures = cli({"lint", "--format", "text", path("testdata/rules/plaintext-secret-in-env/fail.yaml")});
  for (const char* secret :
       {"Sup3rS3cret!", "hunter2", "8f14e45fceea167a5a36dedd4bea2543", "q9Zt-7uKw", "r3d1s-p4ss",
        "sk_live_51HxAbCdEfGhIjKlMnOpQrStUv", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"}) {
    CAPTURE(secret);
    CHECK(fixtures.out.find(secret) == std::string::npos);
  }
}

TEST_CASE("colour only on a terminal, never with NO_COLOR or --color never") {
  std::string file = path("examples/todo-app/rendered-broken.yaml");
  CHECK(cli({"lint", file}, true).out.find("\x1b[31m") != std::string::npos);
  CHECK(cli({"lint", file}, true, true).out.find("\x1b[") == std::string::npos);
  CHECK(cli({"lint", "--color", "never", file}, true).out.find("\x1b[") == std::string::npos);
  CHECK(cli({"lint", "--color", "always", file}).out.find("\x1b[") != std::string::npos);
}

TEST_CASE("JSON output has the documented shape") {
  Run r = cli({"lint", "--format", "json", "-n", "todo-app", path("examples/todo-app/rendered-broken.yaml")});
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["version"].GetInt() == 2);
  CHECK(std::string(d["tool"]["name"].GetString()) == "chartproof");
  CHECK(d["summary"]["documents"].GetUint() == 7);
  CHECK(d["summary"]["resources"].GetUint() == 7);
  CHECK(d["summary"]["findings"].GetUint() == 7);
  CHECK(d["summary"]["error"].GetUint() == 5);
  CHECK(d["summary"]["warning"].GetUint() == 2);
  const auto& findings = d["findings"];
  REQUIRE(findings.Size() == 7);
  bool seen_root = false;
  for (const auto& f : findings.GetArray()) {
    for (const char* key : {"rule", "pack", "severity", "message", "resource", "path", "location", "remediation"}) {
      CAPTURE(key);
      CHECK(f.HasMember(key));
    }
    if (std::string(f["rule"].GetString()) != "run-as-root") continue;
    seen_root = true;
    CHECK(std::string(f["pack"].GetString()) == "security");
    CHECK(std::string(f["resource"]["apiVersion"].GetString()) == "apps/v1");
    CHECK(std::string(f["resource"]["kind"].GetString()) == "Deployment");
    CHECK(std::string(f["resource"]["namespace"].GetString()) == "todo-app");
    CHECK(std::string(f["resource"]["name"].GetString()) == "todo-app-backend");
    CHECK(std::string(f["path"].GetString()) == "spec.template.spec.containers[0].securityContext.runAsUser");
    CHECK(f["location"]["line"].GetUint() == 165);
    CHECK(f["location"]["column"].GetUint() == 24);
    CHECK(std::string(f["location"]["template"].GetString()) == "todo-app/templates/backend-deployment.yaml");
    // Plain rendered input: the location is the file's own line; nothing to map.
    CHECK(f["location"]["mapped"].GetBool());
    CHECK(f["rendered"].IsNull());
    CHECK(f["template_line"].IsNull());
  }
  CHECK(seen_root);
}

TEST_CASE("--enable/--disable take rule ids and packs; disable wins") {
  std::string file = path("testdata/rules/run-as-root/fail.yaml");
  Run only_security = cli({"lint", "--format", "json", "--disable", "probes,resources,secrets,selectors,schema", file});
  CHECK(only_security.out.find("\"rule\": \"missing-cpu-limit\"") == std::string::npos);
  CHECK(only_security.out.find("\"rule\": \"run-as-root\"") != std::string::npos);
  Run both = cli({"lint", "--format", "json", "--enable", "run-as-root", "--disable", "run-as-root", file});
  CHECK(both.out.find("\"rule\": \"run-as-root\"") == std::string::npos);
}

TEST_CASE("the chartproof.io/ignore annotation suppresses rules and packs") {
  std::string yaml =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n"
      "    chartproof.io/ignore: \"run-as-root, probes\"\nspec:\n  containers:\n  - name: c\n"
      "    resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}\n";
  auto options = test::only({"run-as-root", "missing-liveness-probe", "missing-readiness-probe", "missing-cpu-limit"});
  CHECK(test::lint_text(yaml, options).findings.empty());
  std::string unsuppressed = yaml;
  unsuppressed.replace(unsuppressed.find("run-as-root, probes"), 19, "resources");
  auto rules = test::rules_of(test::lint_text(unsuppressed, options));
  CHECK(std::find(rules.begin(), rules.end(), "run-as-root") != rules.end());
}

TEST_CASE("findings are ordered by file, line, column, rule and identical for any --jobs") {
  auto files = chartproof::read_inputs({path("testdata/rules"), path("examples/todo-app/rendered-broken.yaml")});
  REQUIRE(files);
  std::string first;
  for (unsigned jobs : {1U, 2U, 3U, 0U}) {
    CAPTURE(jobs);
    chartproof::LintOptions o;
    o.jobs = jobs;
    auto linter = chartproof::Linter::create(o);
    auto report = linter->lint(files.value());
    for (std::size_t i = 1; i < report.findings.size(); ++i) {
      CHECK_FALSE(chartproof::finding_less(report.findings[i], report.findings[i - 1]));
    }
    std::string json = chartproof::format_json(report);
    if (first.empty()) first = json;
    CHECK(json == first);
  }
}

TEST_CASE("docs/rules.md is generated from the rule metadata and is current") {
  Run r = cli({"rules", "--format", "markdown"});
  CHECK(r.code == 0);
  std::string committed = test::read_file(test::source_dir() / "docs/rules.md");
  INFO("docs/rules.md is stale: run `build/cli/chartproof rules --format markdown > docs/rules.md`");
  CHECK(committed == r.out);
  Run list = cli({"rules"});
  for (const auto& def : chartproof::builtin_rules()) CHECK(list.out.find(def.meta.id) != std::string::npos);
  Run json = cli({"rules", "--format", "json"});
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d.Size() == chartproof::builtin_rules().size());
}

TEST_CASE("directories are searched for YAML files; the library leaves chart folders to the CLI") {
  auto files = chartproof::read_inputs({path("testdata/rules/run-as-root")});
  REQUIRE(files);
  REQUIRE(files->size() == 2);
  CHECK(files.value()[0].path.find("fail.yaml") != std::string::npos);
  auto chart = chartproof::read_inputs({path("examples/todo-app")});
  REQUIRE_FALSE(chart);
  CHECK(chart.error().message.find("helm template") != std::string::npos);
  Run no_helm = cli({"lint", "--helm", "/nonexistent/helm", path("examples/todo-app")});
  CHECK(no_helm.code == 2);
  CHECK(no_helm.err.find("cannot run /nonexistent/helm") != std::string::npos);
}

TEST_CASE("chart folders: helm gets an argument vector, never a shell line") {
  chartproof::ChartOptions o;
  o.helm = "/opt/helm";
  o.release = "todo; rm -rf /";
  o.namespace_ = "todo-app";
  o.values_files = {"prod values.yaml"};
  o.set = {"image.tag=$(whoami)"};
  o.include_crds = true;
  CHECK(chartproof::helm_template_argv("charts/todo app", o) ==
        std::vector<std::string>{"/opt/helm", "template", "todo; rm -rf /", "charts/todo app", "--namespace",
                                 "todo-app", "--values", "prod values.yaml", "--set", "image.tag=$(whoami)",
                                 "--include-crds"});
  CHECK(chartproof::is_chart_dir(path("examples/todo-app")));
  CHECK_FALSE(chartproof::is_chart_dir(path("examples")));
}

TEST_CASE("explain shows a rule's docs with its own failing and passing fixtures") {
  for (const auto& def : chartproof::builtin_rules()) {
    CAPTURE(def.meta.id);
    Run r = cli({"explain", def.meta.id});
    CHECK(r.code == 0);
    CHECK(r.out.rfind(def.meta.id + " (" + def.meta.pack, 0) == 0);
    CHECK(r.out.find(def.meta.rationale) != std::string::npos);
    std::string fail = test::read_file(test::source_dir() / "testdata/rules" / def.meta.id / "fail.yaml");
    std::string first_line = fail.substr(0, fail.find('\n'));
    CHECK(r.out.find("    " + first_line + "\n") != std::string::npos);
    CHECK(r.out.find("Not reported (testdata/rules/" + def.meta.id + "/pass.yaml)") != std::string::npos);
  }
  Run unknown = cli({"explain", "run-as-rot"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err ==
        "chartproof: unknown rule \"run-as-rot\" (did you mean \"run-as-root\"?); `chartproof rules` lists them\n");
}
