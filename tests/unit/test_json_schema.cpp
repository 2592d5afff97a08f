// JSON Schemas from users (a policy's custom rules, CRDs, --schema-dir): references that would make
// valijson recurse without end are located errors, and validation's recursion stays bounded
// whatever the schema and the object (issue 27: both crashed with a stack overflow).
#include <doctest/doctest.h>

#include <string>

#include "chartproof/parse.hpp"
#include "chartproof/policy.hpp"
#include "jsonschema/json_schema.hpp"
#include "jsonschema/schema_references.hpp"
#include "test_support.hpp"

namespace js = chartproof::jsonschema;

namespace {

std::shared_ptr<const chartproof::Document> yaml(const std::string& text) {
  std::vector<chartproof::ParseIssue> issues;
  auto tree = chartproof::parse_single(text, issues);
  REQUIRE(tree);
  return tree;
}

std::string policy_with_schema(const std::string& schema_lines) {
  return "apiVersion: chartproof.io/v1\nkind: Policy\ncustomRules:\n  - id: shape\n    summary: x\n    schema:\n" +
         schema_lines;
}

std::string nested(std::size_t levels) {
  std::string out;
  for (std::size_t i = 0; i < levels; ++i) out += "{a: ";
  out += "1";
  for (std::size_t i = 0; i < levels; ++i) out += "}";
  return out;
}

}  // namespace

TEST_CASE("a custom rule's schema that applies itself to the same value is a policy error at its $ref") {
  auto policy = chartproof::parse_policy(policy_with_schema("      type: object\n"
                                                            "      allOf:\n"
                                                            "        - $ref: \"#\"\n"),
                                         "p.yaml");
  REQUIRE_FALSE(policy);
  CHECK(policy.error().file == "p.yaml");
  CHECK(policy.error().line == 9);
  CHECK(policy.error().column == 11);
  CHECK(policy.error().message.find("$ref \"#\" makes the schema apply itself to the same value") != std::string::npos);
}

TEST_CASE("reference cycles through definitions, not and anyOf are found; consuming recursion is not one") {
  struct Case {
    const char* schema;
    bool ok;
    const char* where;
  };
  const Case cases[] = {
      {"$ref: '#/definitions/a'\ndefinitions:\n  a: {$ref: '#/definitions/a'}\n", false, "/definitions/a/$ref"},
      {"anyOf:\n  - not: {$ref: '#/definitions/b'}\ndefinitions:\n  b: {oneOf: [{$ref: '#'}]}\n", false,
       "/definitions/b/oneOf/0/$ref"},
      {"if: {$ref: '#'}\n", false, "/if/$ref"},
      {"dependencies:\n  a: {$ref: '#'}\n", false, "/dependencies/a/$ref"},
      {"properties:\n  a: {$ref: '#/definitions/nope'}\n", false, "/properties/a/$ref"},
      {"properties:\n  a: {$ref: 'other.json#/x'}\n", false, "/properties/a/$ref"},
      // Recursion that descends into the value each time is a legal tree type.
      {"type: object\nproperties:\n  a: {$ref: '#'}\n  b: {type: array, items: {$ref: '#'}}\n", true, ""},
      {"definitions:\n  n: {properties: {kids: {additionalProperties: {$ref: '#/definitions/n'}}}}\n$ref: "
       "'#/definitions/n'\n",
       true, ""},
      // Property names and keys that look like keywords are names.
      {"properties:\n  $ref: {type: string}\n  allOf: {type: string}\n", true, ""},
  };
  for (const auto& c : cases) {
    std::string shown = c.schema;
    CAPTURE(shown);
    auto doc = yaml(c.schema);
    auto compiled = js::Schema::compile(doc->root(), "s.yaml");
    CHECK(static_cast<bool>(compiled) == c.ok);
    if (!compiled) CAPTURE(compiled.error().message);
    if (!compiled) CHECK(compiled.error().message.find(std::string("at ") + c.where + ":") != std::string::npos);
  }
}

TEST_CASE("a legal recursive schema validates deep values, and reports what is wrong deep down") {
  auto schema = yaml("type: object\nproperties:\n  a:\n    anyOf:\n      - type: integer\n      - $ref: '#'\n");
  auto compiled = js::Schema::compile(schema->root(), "s.yaml");
  REQUIRE(compiled);
  CHECK(compiled->validate(yaml("a: " + nested(200))->root()).empty());
  auto bad = yaml("a: {a: {a: {a: hello}}}");
  CHECK_FALSE(compiled->validate(bad->root()).empty());
}

TEST_CASE("a document too deep for a schema's recursion is said to be not validated, not crashed on") {
  // Four subschemas per level (property, anyOf, allOf, $ref) over 990 levels would recurse about
  // 4,000 levels inside valijson: more than kMaxSchemaRecursion.
  auto schema = yaml(
      "type: object\nproperties:\n  a:\n    anyOf:\n      - type: integer\n      - allOf:\n"
      "          - $ref: '#'\n");
  auto compiled = js::Schema::compile(schema->root(), "s.yaml");
  REQUIRE(compiled);
  auto deep = yaml("a: " + nested(990));
  auto violations = compiled->validate(deep->root());
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].message.find("not validated: its document nests 991 levels deep") == 0);
  // The same schema over a shallow value validates as usual.
  CHECK(compiled->validate(yaml("a: " + nested(20))->root()).empty());
}

TEST_CASE("schemas and values just inside the recursion bound compile and validate (the sanitizer build's stack)") {
  // Two subschemas per level (the property, its $ref) over 740 levels: 1,482 of kMaxSchemaRecursion.
  auto schema = yaml("type: object\nproperties:\n  a: {$ref: '#'}\n  b: {type: string}\n");
  auto compiled = js::Schema::compile(schema->root(), "s.yaml");
  REQUIRE(compiled);
  std::string deep = "a: ";
  for (int i = 0; i < 739; ++i) deep += "{a: ";
  deep += "{b: 1}";
  for (int i = 0; i < 739; ++i) deep += "}";
  auto violations = compiled->validate(yaml(deep)->root());
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].message.find("wrong type") != std::string::npos);
  // 210 chained references in a document 6 levels deep: 1,477 levels at most while compiling.
  std::string defs;
  for (int i = 0; i < 210; ++i)
    defs += "  d" + std::to_string(i) + ": {properties: {x: {$ref: '#/definitions/d" + std::to_string(i + 1) + "'}}}\n";
  defs += "  d210: {type: integer}\n";
  auto chain = js::Schema::compile(yaml("$ref: '#/definitions/d0'\ndefinitions:\n" + defs)->root(), "s.yaml");
  REQUIRE(chain);
  auto xs = [](const std::string& leaf) {
    std::string out = "x: ";
    for (int i = 1; i < 210; ++i) out += "{x: ";
    out += leaf;
    for (int i = 1; i < 210; ++i) out += "}";
    return out;
  };
  CHECK(chain->validate(yaml(xs("1"))->root()).empty());
  CHECK(chain->validate(yaml(xs("nope"))->root()).size() == 1);
}

TEST_CASE("a chain of references too long to compile safely is refused, not compiled") {
  std::string defs;
  for (int i = 0; i < 300; ++i)
    defs += "  d" + std::to_string(i) + ": {properties: {x: {$ref: '#/definitions/d" + std::to_string(i + 1) + "'}}}\n";
  defs += "  d300: {type: integer}\n";
  auto doc = yaml("$ref: '#/definitions/d0'\ndefinitions:\n" + defs);
  auto compiled = js::Schema::compile(doc->root(), "s.yaml");
  REQUIRE_FALSE(compiled);
  CHECK(compiled.error().message.find("nest too deeply to compile safely") != std::string::npos);
}

TEST_CASE(
    "a CRD whose schema refers to itself is invalid-crd-schema, and its objects are said once not to be "
    "validated") {
  std::string crd =
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ws.example.com\n"
      "spec:\n  group: example.com\n  names: {kind: W, plural: ws}\n  scope: Namespaced\n  versions:\n"
      "    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n"
      "          type: object\n          allOf:\n            - $ref: \"#\"\n"
      "---\napiVersion: example.com/v1\nkind: W\nmetadata: {name: a}\nspec: {x: 1}\n"
      "---\napiVersion: example.com/v1\nkind: W\nmetadata: {name: b}\n";
  auto report =
      test::lint_text(crd, test::only({"invalid-crd-schema", "unknown-kind", "schema-violation", "unknown-field"}));
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].rule == "invalid-crd-schema");
  CHECK(report.findings[0].line == 17);
  CHECK(report.findings[0].column == 15);
  CHECK(report.findings[0].path == "spec.versions[0].schema.openAPIV3Schema.allOf[0].$ref");
  CHECK(report.findings[1].rule == "unknown-kind");
  CHECK(report.findings[1].resource.name == "a");
  CHECK(report.findings[1].message.find("are not validated") != std::string::npos);
}
