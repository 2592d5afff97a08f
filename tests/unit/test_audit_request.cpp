// The audit request (what the CLI hands the Dask engine) is data with a schema: it round-trips, and
// a document that is not one is refused at the field, before any task runs.
#include <doctest/doctest.h>

#include <set>

#include "chartproof/audit.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/request_options.hpp"
#include "io/read_file.hpp"

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

TEST_CASE("the audit request's schema has a property for every option of chartproof audit, and no other") {
  // The writer and reader go over the option table; the schema is written by hand, so this is where
  // a new audit option that the schema would refuse is caught.
  auto text = io::read_file(std::string(CHARTPROOF_SOURCE_DIR) + "/policies/schema/audit-request.schema.json");
  REQUIRE(text);
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text.value(), issues);
  REQUIRE(doc);
  Node properties = doc->root().get("properties").get("lint").get("properties");
  std::set<std::string> in_schema;
  for (std::size_t i = 0; i < properties.size(); ++i) in_schema.emplace(properties.key_at(i).text());
  std::set<std::string> in_table;
  for (const RequestOption& option : option_table()) {
    if ((option.use & kUseAudit) != 0) in_table.insert(option_json_key(option));
  }
  CHECK(in_schema == in_table);
}

TEST_CASE("an audit request carries every audit option of the table, whatever its type") {
  // Each audit option set to a value other than its default survives the round trip.
  AuditRequest request;
  request.matrix = "m.yaml";
  request.scheduler = "tcp://h:8786";
  for (const RequestOption& option : option_table()) {
    if ((option.use & kUseAudit) == 0) continue;
    OptionValue value;
    switch (option.type) {
      case OptionType::Flag:
        value = true;
        break;
      case OptionType::Text:
      case OptionType::OptionalText:
        value = option.choices.empty() ? std::string("x") : std::string(option.choices.back());
        break;
      case OptionType::TextList:
        value = std::vector<std::string>{"a", "b"};
        break;
      case OptionType::Count:
        value = 7U;
        break;
    }
    CAPTURE(option.name);
    REQUIRE_FALSE(option.set(request.base, value));
  }
  auto back = parse_audit_request(audit_request_json(request), "request.json");
  REQUIRE_MESSAGE(back, (back ? "" : back.error().to_string()));
  for (const RequestOption& option : option_table()) {
    if ((option.use & kUseAudit) == 0) continue;
    CAPTURE(option.name);
    CHECK(option.get(back->base) == option.get(request.base));
    CHECK(option.get(back->base) != option.get(LintRequest{}));
  }
}
