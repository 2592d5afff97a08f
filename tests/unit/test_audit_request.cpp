// The audit request (what the CLI hands the Dask engine) is data with a schema: it round-trips, and
// a document that is not one is refused at the field, before any task runs.
#include <doctest/doctest.h>

#include "chartproof/audit.hpp"

using namespace chartproof;

TEST_CASE("an audit request round-trips through its JSON, and a wrong one is refused at the field") {
  AuditRequest request;
  request.matrix = "fleet/matrix.yaml";
  request.scheduler = "tcp://10.0.0.5:8786";
  request.base.chart.helm = "/opt/helm/helm";
  request.base.chart.timeout_seconds = 45;
  request.base.profile = "strict";
  request.base.policy_files = {"team.yaml", "prod.yaml"};
  request.base.enable = {"hygiene"};
  request.base.disable = {"missing-startup-probe"};
  request.base.schema_dirs = {"crds/"};
  request.base.schema_mode = SchemaMode::Lenient;
  std::string json = audit_request_json(request);
  CHECK(json.find("\"apiVersion\":\"chartproof.io/v1\",\"kind\":\"AuditRequest\"") != std::string::npos);
  auto back = parse_audit_request(json, "request.json");
  REQUIRE_MESSAGE(back, (back ? "" : back.error().to_string()));
  CHECK(back->matrix == request.matrix);
  CHECK(back->scheduler == request.scheduler);
  CHECK(back->base.chart.helm == "/opt/helm/helm");
  CHECK(back->base.chart.timeout_seconds == 45);
  CHECK(back->base.profile == "strict");
  CHECK(back->base.policy_files == request.base.policy_files);
  CHECK(back->base.enable == request.base.enable);
  CHECK(back->base.disable == request.base.disable);
  CHECK(back->base.schema_dirs == request.base.schema_dirs);
  CHECK(back->base.schema_mode == SchemaMode::Lenient);
  CHECK(audit_request_json(back.value()) == json);

  struct Case {
    std::string text;
    std::string says;
  };
  const std::vector<Case> wrong = {
      {"[1, 2]", "an audit request is a JSON object"},
      {R"({"apiVersion": "chartproof.io/v2", "kind": "AuditRequest", "matrix": "m", "scheduler": "s",
           "lint": {"helm": "helm", "helmTimeout": 1}})",
       "apiVersion"},
      {R"({"apiVersion": "chartproof.io/v1", "kind": "AuditRequest", "matrix": "m", "scheduler": "s",
           "lint": {"helm": "helm", "helmTimeout": "1"}})",
       "lint.helmTimeout"},
      {R"({"apiVersion": "chartproof.io/v1", "kind": "AuditRequest", "matrix": "m", "scheduler": "s",
           "lint": {"helm": "helm", "helmTimeout": 1, "enabel": ["x"]}})",
       "enabel"},
  };
  for (const auto& c : wrong) {
    CAPTURE(c.text);
    auto refused = parse_audit_request(c.text, "request.json");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().file == "request.json");
    CHECK(refused.error().line > 0);
    CHECK(refused.error().message.find(c.says) != std::string::npos);
  }
}
