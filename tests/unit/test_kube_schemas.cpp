// The embedded Kubernetes schema bundle: every version loads, kinds resolve through
// x-kubernetes-group-version-kind, conversions accept what the API server accepts.
#include <doctest/doctest.h>

#include <chrono>
#include <iostream>

#include "chartproof/parse.hpp"
#include "kubeschema/kube_schemas.hpp"

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
    auto schemas = ks::VersionSchemas::get(v);
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::cout << "schemas " << v << " loaded in " << ms << " ms\n";
    REQUIRE(schemas);
    CHECK(schemas->serves("apps/v1 Deployment"));
    CHECK(schemas->serves("v1 Service"));
    CHECK(schemas->serves("rbac.authorization.k8s.io/v1 Role"));  // group from the GVK, not the package
    CHECK_FALSE(schemas->serves("extensions/v1beta1 Deployment"));
    CHECK(schemas->shape("apps/v1 Deployment") != nullptr);
    schemas->prepare(schemas->kinds());
    CHECK(schemas->compiled_kinds() == schemas->kinds().size());  // every kind's schema compiles
  }
  CHECK(ks::VersionSchemas::get("v1.30.4") == ks::VersionSchemas::get("1.30"));
  CHECK(ks::VersionSchemas::get("1.27") == nullptr);
}

TEST_CASE("schema load for a chart's kinds stays small") {
  // The budget (issue 7) is 50 ms added to a run; bench/ measures it on the CLI too.
  auto start = std::chrono::steady_clock::now();
  auto schemas = ks::VersionSchemas::get("1.33");  // not loaded by another test case before this one
  schemas->prepare({"apps/v1 Deployment", "v1 Service", "v1 ConfigMap", "v1 Secret", "batch/v1 Job",
                    "networking.k8s.io/v1 NetworkPolicy", "v1 ServiceAccount"});
  auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cout << "schemas 1.33 for 7 kinds: " << ms << " ms\n";
  CHECK(schemas->compiled_kinds() == 7);
}

TEST_CASE("conversions: int-or-string, quantities, nulls, required fields, wrong types") {
  auto schemas = ks::VersionSchemas::get("1.36");
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
