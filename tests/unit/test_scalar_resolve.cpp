// Plain scalars resolve as Kubernetes' decoder (go-yaml v2, YAML 1.1) resolves them.
#include <doctest/doctest.h>

#include "chartproof/parse.hpp"
#include "parse/scalar_resolve.hpp"

using chartproof::NodeType;

namespace {

chartproof::Node value_of(const std::string& yaml, std::shared_ptr<const chartproof::Document>& keep) {
  std::vector<chartproof::ParseIssue> issues;
  keep = chartproof::parse_single(yaml, issues);
  REQUIRE(issues.empty());
  REQUIRE(keep);
  return keep->root().get("v");
}

NodeType type_of(const std::string& scalar) {
  std::shared_ptr<const chartproof::Document> keep;
  return value_of("v: " + scalar + "\n", keep).type();
}

}  // namespace

TEST_CASE("YAML 1.1 booleans in every spelling go-yaml v2 accepts") {
  for (const char* word : {"y",  "Y",  "yes", "Yes", "YES", "n",    "N",    "no",   "No",    "NO",    "on",
                           "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE"}) {
    CAPTURE(word);
    CHECK(type_of(word) == NodeType::Bool);
  }
  for (const char* word : {"yES", "oN", "tRUE", "yess", "nope", "enabled"}) {
    CAPTURE(word);
    CHECK(type_of(word) == NodeType::String);
  }
}

TEST_CASE("boolean values") {
  std::shared_ptr<const chartproof::Document> keep;
  CHECK(value_of("v: yes\n", keep).as_bool() == true);
  CHECK(value_of("v: On\n", keep).as_bool() == true);
  CHECK(value_of("v: OFF\n", keep).as_bool() == false);
  CHECK(value_of("v: n\n", keep).as_bool() == false);
  CHECK(value_of("v: \"yes\"\n", keep).as_bool() == std::nullopt);
}

TEST_CASE("quoted scalars are always strings") {
  CHECK(type_of("\"1000\"") == NodeType::String);
  CHECK(type_of("'yes'") == NodeType::String);
  CHECK(type_of("\"null\"") == NodeType::String);
  CHECK(type_of("|\n  1000") == NodeType::String);
}

TEST_CASE("integers, floats and nulls") {
  CHECK(type_of("1000") == NodeType::Int);
  CHECK(type_of("-5") == NodeType::Int);
  CHECK(type_of("0x1F") == NodeType::Int);
  CHECK(type_of("0755") == NodeType::Int);
  CHECK(type_of("1_000") == NodeType::Int);
  CHECK(type_of("0b101") == NodeType::Int);
  CHECK(type_of("1.5") == NodeType::Float);
  CHECK(type_of("1e3") == NodeType::Float);
  CHECK(type_of(".5") == NodeType::Float);
  CHECK(type_of(".inf") == NodeType::Float);
  CHECK(type_of("08") == NodeType::Float);  // not octal, but matches the float pattern, as in go-yaml v2
  CHECK(type_of("~") == NodeType::Null);
  CHECK(type_of("null") == NodeType::Null);
  CHECK(type_of("") == NodeType::Null);
  CHECK(type_of("500m") == NodeType::String);
  CHECK(type_of("1.5Gi") == NodeType::String);
  CHECK(type_of("1.2.3") == NodeType::String);
  CHECK(type_of("=") == NodeType::String);
  std::shared_ptr<const chartproof::Document> keep;
  CHECK(value_of("v: 0x1F\n", keep).as_int() == 31);
  CHECK(value_of("v: 0755\n", keep).as_int() == 493);
  CHECK(value_of("v: -1_000\n", keep).as_int() == -1000);
  CHECK(value_of("v: 1e3\n", keep).as_int() == 1000);
  CHECK(value_of("v: 1.5\n", keep).as_int() == std::nullopt);
  CHECK(value_of("v: 99999999999999999999\n", keep).as_int() == std::nullopt);
}

TEST_CASE("explicit tags decide the type") {
  CHECK(type_of("!!str 1000") == NodeType::String);
  CHECK(type_of("!!int \"7\"") == NodeType::Int);
  CHECK(type_of("!!bool yes") == NodeType::Bool);
}

TEST_CASE("the fast integer test agrees with the integer reader") {
  for (std::string_view s :
       {"0",   "-0", "+1",  "12_000", "0x1F", "0X1f", "0o17", "0b101", "0755", "0789", "0x",    "0b",
        "0b2", "-",  "+",   "_",      "1_",   "_1",   "1.0",  "1e3",   "0xG",  "00",   "-0x10", "9223372036854775808",
        "1 2", "0o", "0O7", "--1"}) {
    CAPTURE(s);
    CHECK(chartproof::parse::is_int_literal(s) == chartproof::parse::split_int_literal(s).has_value());
  }
}
