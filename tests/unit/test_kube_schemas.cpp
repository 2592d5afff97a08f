// The embedded Kubernetes schema bundle: every version loads, kinds resolve through
// x-kubernetes-group-version-kind, conversions accept what the API server accepts.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "chartproof/parse.hpp"
#include "kubeschema/kube_schemas.hpp"
#include "test_support.hpp"

namespace ks = chartproof::kubeschema;

namespace {
std::shared_ptr<const chartproof::Document> yaml(const std::string& text) {
  std::vector<chartproof::ParseIssue> issues;
  auto doc = chartproof::parse_single(text, issues);
  REQUIRE(issues.empty());
  return doc;
}
std::string messages(const std::vector<chartproof::jsonschema::Violation>& v) {
  std::string out;
  for (const auto& x : v) out += x.path + ": " + x.message + "\n";
  return out;
}
}  // namespace

TEST_CASE("every bundled Kubernetes version loads and serves the core kinds") {
  const auto& versions = ks::bundled_versions();
  REQUIRE(versions.size() == 9);
  CHECK(versions.front() == "1.28");
  CHECK(versions.back() == "1.36");
  for (const auto& v : versions) {
    CAPTURE(v);
    auto start = std::chrono::steady_clock::now();
    auto schemas = ks::VersionSchemas::load(v);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << "schemas " << v << " loaded in " << ms << " ms\n";
    REQUIRE(schemas);
    CHECK(schemas->serves("apps/v1 Deployment"));
    CHECK(schemas->serves("v1 Service"));
    CHECK(schemas->serves("rbac.authorization.k8s.io/v1 Role"));  // group from the GVK, not the package
    CHECK_FALSE(schemas->serves("extensions/v1beta1 Deployment"));
    CHECK(schemas->shape("apps/v1 Deployment") != nullptr);
    // Parts of the bundle are parsed on demand (json_spans.hpp): every kind's definition is found
    // and parses, and its shape builds.
    for (const auto& kind : schemas->kinds()) {
      CAPTURE(kind);
      CHECK(schemas->shape(kind) != nullptr);
    }
    CHECK(schemas->definition("io.k8s.api.core.v1.Probe") != nullptr);
    CHECK(schemas->definition("io.k8s.api.core.v1.NoSuchThing") == nullptr);
    schemas->prepare(schemas->kinds());
    CHECK(schemas->compiled_kinds() == schemas->kinds().size());  // every kind's schema compiles
  }
  CHECK(ks::VersionSchemas::load("v1.30.4")->version() == "1.30");
  CHECK(ks::VersionSchemas::load("1.27") == nullptr);
}

TEST_CASE("schema load for a chart's kinds stays small") {
  // The budget (issue 7) is 50 ms added to a run; bench/ measures it on the CLI too.
  auto start = std::chrono::steady_clock::now();
  auto schemas = ks::VersionSchemas::load("1.33");  // each load is fresh: nothing compiled before
  schemas->prepare({"apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 Secret", "batch/v1 Job",
                    "networking.k8s.io/v1 NetworkPolicy", "v1 ServiceAccount"});
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "schemas 1.33 for 7 kinds: " << ms << " ms\n";
  CHECK(schemas->compiled_kinds() == 7);
}

TEST_CASE("conversions: int-or-string, quantities, nulls, required fields, wrong types") {
  auto schemas = ks::VersionSchemas::load("1.36");
  auto ok = yaml(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web, creationTimestamp: null}
spec:
  selector: {matchLabels: {app: web}}
  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web}, creationTimestamp: null}
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{containerPort: 8080}]
          resources: {limits: {cpu: 1, memory: 512Mi}, requests: {cpu: 250m, memory: 1e3}}
          livenessProbe: {httpGet: {path: /health/live, port: http}}
          readinessProbe: {httpGet: {path: /health/ready, port: 8080}}
)");
  CHECK(messages(schemas->validate("apps/v1 Deployment", ok->root())) == "");
  auto bad = yaml(R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "2"
  selector: {matchLabels: {app: web}}
  template:
    spec:
      containers:
        - image: nginx
          ports: [{containerPort: http}]
)");
  auto v = schemas->validate("apps/v1 Deployment", bad->root());
  std::string all = messages(v);
  INFO(all);
  CHECK(all.find("spec.replicas") != std::string::npos);
  CHECK(all.find("spec.template.spec.containers[0]: missing required field \"name\"") != std::string::npos);
  CHECK(all.find("spec.template.spec.containers[0].ports[0].containerPort") != std::string::npos);
}

TEST_CASE("the lifecycle table knows removals and replacements") {
  const ks::Lifecycle* ext = ks::lifecycle("extensions/v1beta1", "Deployment");
  REQUIRE(ext);
  CHECK(ext->removed_in == "1.16");
  CHECK(ext->replacement.rfind("apps/v1", 0) == 0);
  const ks::Lifecycle* pdb = ks::lifecycle("policy/v1beta1", "PodDisruptionBudget");
  REQUIRE(pdb);
  CHECK(pdb->removed_in == "1.25");
  CHECK(ks::lifecycle("apps/v1", "Deployment") == nullptr);
  CHECK(ks::compare_versions("1.9", "1.28") < 0);
  CHECK(ks::compare_versions("v1.36", "1.36.1") == 0);
}

namespace {
chartproof::LintReport lint_schema(const std::string& text, const std::string& version,
                                   const std::vector<std::string>& schema_dirs = {}) {
  auto options = test::only(
      {"schema-violation", "unknown-field", "deprecated-api-version", "removed-api-version", "unknown-kind"});
  options.kube_version = version;
  options.schema_dirs = schema_dirs;
  return test::lint_text(text, options);
}
}  // namespace

TEST_CASE("the example chart is valid on the oldest and the newest bundled Kubernetes") {
  std::string rendered = test::read_file(test::source_dir() / "examples/todo-app/rendered.yaml");
  for (std::string version : {"1.28", "1.36"}) {
    CAPTURE(version);
    auto report = lint_schema(rendered, version);
    CHECK(report.summary.resources == 7);
    CHECK(test::rules_of(report).empty());
    // The same check fails when the example breaks the schema.
    std::string broken = rendered;
    auto at = broken.find("replicas: 2");
    REQUIRE(at != std::string::npos);
    broken.replace(at, 11, "replicas: \"2\"");
    CHECK(test::rules_of(lint_schema(broken, version)) == std::vector<std::string>{"schema-violation"});
  }
}

TEST_CASE("--schema-dir adds CRD files and JSON Schemas for kinds the input does not define") {
  std::string input =
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n---\n"
      "apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: b}\nspec: {scheduel: daily}\n";
  CHECK(test::rules_of(lint_schema(input, "")) == std::vector<std::string>{"unknown-kind", "unknown-kind"});
  auto report = lint_schema(input, "", {(test::source_dir() / "testdata/schema-dir").string()});
  std::vector<std::string> got;
  for (const auto& f : report.findings) got.push_back(f.rule + " " + std::to_string(f.line) + " " + f.path);
  CHECK(got == std::vector<std::string>{"schema-violation 4 spec.size", "schema-violation 9 spec",
                                        "unknown-field 9 spec.scheduel"});
  auto linter = chartproof::Linter::create([] {
    chartproof::LintOptions o;
    o.schema_dirs = {"/no/such/folder"};
    return o;
  }());
  REQUIRE_FALSE(linter);
  CHECK(linter.error().to_string().find("/no/such/folder") != std::string::npos);
}

TEST_CASE("schema-violation messages name the path, the expectation and the schema") {
  std::string text = test::read_file(test::source_dir() / "testdata/rules/schema-violation/fail.yaml");
  auto report = lint_schema(text, "");
  std::vector<std::string> got;
  for (const auto& f : report.findings) got.push_back(std::to_string(f.line) + " " + f.message);
  CHECK(got ==
        std::vector<std::string>{
            "7 spec.replicas: expected integer, got string \"2\" (Kubernetes 1.36 apps/v1 Deployment)",
            "15 spec.template.spec.containers[0]: missing required field \"name\" (Kubernetes 1.36 apps/v1 Deployment)",
            "18 spec.template.spec.containers[0].env[0].value: expected string, got integer \"8080\" (Kubernetes 1.36 "
            "apps/v1 Deployment)",
            "27 spec.ports[0].port: expected integer, got string \"http\" (Kubernetes 1.36 v1 Service)",
            "58 spec: missing required field \"schedule\" (CustomResourceDefinition backups.example.com)",
            "59 spec.retain: value 0 must be >= 1 (CustomResourceDefinition backups.example.com)",
            "60 spec.mode: value \"differential\" is not one of the allowed values: full or incremental "
            "(CustomResourceDefinition backups.example.com)",
            "68 spec.replicas: expected integer, got number \"2.5\" (Kubernetes 1.36 apps/v1 Deployment)"});
}

TEST_CASE("unknown-field says when a later bundled version has the field") {
  std::string service =
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n"
      "  ports: [{port: 80}]\n  trafficDistribution: PreferClose\n";
  auto old = lint_schema(service, "1.28");
  REQUIRE(old.findings.size() == 1);
  CHECK(old.findings[0].message ==
        "unknown field \"trafficDistribution\" in spec; Kubernetes 1.28 does not have it, 1.36 does");
  CHECK(old.findings[0].line == 7);
  CHECK(lint_schema(service, "1.36").findings.empty());
}

TEST_CASE("a CRD validator compiled from what the input's objects reach reports what the whole schema does") {
  // The input's CRDs are compiled from the part of the schema their objects reach (SchemaReach);
  // --schema-dir CRDs are compiled whole. The same objects against both give the same violations.
  const std::string crd =
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: jobs.example.com}\n"
      "spec:\n  group: example.com\n  names: {kind: Job, plural: jobs}\n  scope: Namespaced\n  versions:\n"
      "    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n"
      "          type: object\n          properties:\n            spec:\n              type: object\n"
      "              required: [steps]\n              properties:\n"
      "                steps:\n                  type: array\n                  items:\n"
      "                    type: object\n                    required: [name]\n                    properties:\n"
      "                      name: {type: string, maxLength: 8}\n"
      "                      retries: {type: integer, minimum: 0}\n"
      "                      port: {x-kubernetes-int-or-string: true}\n"
      "                      env:\n                        type: object\n"
      "                        additionalProperties: {type: string}\n"
      "                timeout: {type: string, nullable: true, pattern: '^[0-9]+s$'}\n"
      "                mode:\n                  allOf:\n                    - {type: string}\n"
      "                    - {enum: [fast, safe]}\n"
      "                unused:\n                  type: object\n                  required: [never]\n"
      "                  properties: {never: {type: integer}}\n";
  const std::string objects =
      "apiVersion: example.com/v1\nkind: Job\nmetadata: {name: a}\n"
      "spec:\n  steps:\n    - {name: build, retries: -1, port: [1]}\n    - {retries: 2, env: {A: 1}}\n"
      "  timeout: 10m\n---\n"
      "apiVersion: example.com/v1\nkind: Job\nmetadata: {name: b}\n"
      "spec:\n  mode: quick\n  timeout: null\n---\n"
      "apiVersion: example.com/v1\nkind: Job\nmetadata: {name: c}\nspec:\n  steps: [{name: a-very-long-name}]\n";
  auto findings = [](const chartproof::LintReport& report, int line_offset) {
    std::vector<std::string> out;
    for (const auto& f : report.findings) {
      if (f.rule != "schema-violation") continue;
      std::string message = f.message.substr(0, f.message.rfind(" ("));  // without the schema's origin
      out.push_back(std::to_string(static_cast<int>(f.line) - line_offset) + " " + f.path + ": " + message);
    }
    return out;
  };
  auto pruned = findings(lint_schema(crd + "---\n" + objects, ""),
                         static_cast<int>(std::count(crd.begin(), crd.end(), '\n')) + 1);
  auto dir = std::filesystem::temp_directory_path() / ("chartproof-reach-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "jobs-crd.yaml") << crd; }
  auto whole = findings(lint_schema(objects, "", {dir.string()}), 0);
  std::filesystem::remove_all(dir);
  CHECK(pruned.size() >= 6);  // each object breaks the schema somewhere of its own
  CHECK(pruned == whole);
}
