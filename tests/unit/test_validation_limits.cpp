// The validation pack's size limits, on inputs too large for a fixture file: 256 KiB of
// annotations (TotalAnnotationSizeLimitB) and 1 MiB of ConfigMap data (MaxSecretSize), each at the
// limit (accepted) and one byte past it (rejected).
#include <doctest/doctest.h>

#include "test_support.hpp"

namespace {

std::string configmap(std::size_t annotation_bytes, std::size_t data_bytes) {
  // `example.com/a` is 13 bytes of key: the value fills the rest of the annotation budget.
  return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  annotations:\n    example.com/a: " +
         std::string(annotation_bytes - 13, 'x') + "\ndata:\n  k: " + std::string(data_bytes, 'y') + "\n";
}

}  // namespace

TEST_CASE("annotations may total 256 KiB, no more") {
  auto options = test::only({"invalid-annotation"});
  CHECK(test::lint_text(configmap(262144, 1), options).findings.empty());
  auto over = test::lint_text(configmap(262145, 1), options);
  REQUIRE(over.findings.size() == 1);
  CHECK(over.findings[0].message.find("262145 bytes: may not be more than 262144 bytes") != std::string::npos);
  CHECK(over.findings[0].line == 5);  // at `annotations:`
}

TEST_CASE("ConfigMap data may total 1 MiB, no more") {
  auto options = test::only({"invalid-data-key"});
  CHECK(test::lint_text(configmap(100, 1048576), options).findings.empty());
  auto over = test::lint_text(configmap(100, 1048577), options);
  REQUIRE(over.findings.size() == 1);
  CHECK(over.findings[0].message.find("1048577 bytes") != std::string::npos);
}

TEST_CASE("env var names follow the target Kubernetes version") {
  const std::string pod =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: web\n      image: web:1\n"
      "      env:\n        - {name: 1ST_RUN, value: x}\n        - {name: my var, value: x}\n        - {name: A=B, "
      "value: x}\n";
  auto options = test::only({"invalid-env-var"});
  options.kube_version = "1.31";  // before RelaxedEnvironmentVariableValidation: C-like names
  auto strict = test::lint_text(pod, options);
  CHECK(strict.findings.size() == 3);
  options.kube_version = "1.32";  // from 1.32: printable ASCII but '='
  auto relaxed = test::lint_text(pod, options);
  REQUIRE(relaxed.findings.size() == 1);
  CHECK(relaxed.findings[0].line == 11);
}
