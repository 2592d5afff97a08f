// What a CRD rule sees as `self`: property names escaped as k8s.io/apiserver/pkg/cel/escaping.go
// does (the cases of its escaping_test.go), defaults of absent properties filled in.
#include <doctest/doctest.h>

#include "cel/value.hpp"
#include "chartproof/parse.hpp"
#include "rules/schema/crd_cel_values.hpp"

using chartproof::rules::escape_property_name;

TEST_CASE("property names are escaped as the API server escapes them") {
  const std::pair<const char*, const char*> cases[] = {
      {"a.a", "a__dot__a"},
      {"a-a", "a__dash__a"},
      {"a__a", "a__underscores__a"},
      {"a.-/__a", "a__dot____dash____slash____underscores__a"},
      {"a._a", "a__dot___a"},
      {"a__.__a", "a__underscores____dot____underscores__a"},
      {"a___a", "a__underscores___a"},
      {"a____a", "a__underscores____underscores__a"},
      {"a__dot__a", "a__underscores__dot__underscores__a"},
      {"true", "__true__"},
      {"namespace", "__namespace__"},
      {"while", "__while__"},
      {"plain_name", "plain_name"},
  };
  for (const auto& c : cases) {  // no structured binding: clang cannot capture one in CHECK's lambda
    CAPTURE(c.first);
    CHECK(escape_property_name(c.first) == std::optional<std::string>(c.second));
  }
  for (const char* unescapable : {"@", "1up", "\xF0\x9F\x91\x91", ""}) CHECK(!escape_property_name(unescapable));
}

TEST_CASE("self holds escaped names and the defaults of absent properties") {
  std::vector<chartproof::ParseIssue> issues;
  auto doc = chartproof::parse_single(
      "schema:\n  type: object\n  properties:\n    max-size: {type: integer}\n    copies: {type: integer, default: 2}\n"
      "    labels: {type: object, additionalProperties: {type: string}}\n"
      "value:\n  max-size: 5\n  labels: {a-b: c}\n",
      issues);
  REQUIRE(doc);
  chartproof::Node root = doc->root();
  auto self = chartproof::rules::crd_cel_value(root.get("value"), root.get("schema"));
  CHECK(chartproof::cel::to_literal(self) == "{\"max__dash__size\": 5, \"labels\": {\"a-b\": \"c\"}, \"copies\": 2}");
}
