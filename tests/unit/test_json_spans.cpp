// The structural JSON scanner the schema bundle is loaded with (kubeschema/json_spans.hpp): spans of
// members and items, strings with escaped quotes and brackets, and text that is not JSON.
#include <doctest/doctest.h>

#include <string>

#include "kubeschema/json_spans.hpp"

namespace ks = chartproof::kubeschema;

namespace {
ks::JsonSpan whole(std::string_view json) { return {0, json.size()}; }
}  // namespace

TEST_CASE("json spans: an object's members and an array's items, each value's text exactly") {
  std::string json = R"( {"a": [1, {"b": "x]}"}], "c\"d" : "q\\\\", "e":true,"f":-1.5e3 ,"g":{}} )";
  auto members = ks::json_object_members(json, whole(json));
  REQUIRE(members.size() == 5);
  CHECK(members[0].first == "a");
  CHECK(members[0].second.in(json) == R"([1, {"b": "x]}"}])");
  CHECK(members[1].first == R"(c\"d)");  // names are not unescaped
  CHECK(members[1].second.in(json) == R"("q\\\\")");
  CHECK(members[2].second.in(json) == "true");
  CHECK(members[3].second.in(json) == "-1.5e3");
  CHECK(members[4].second.in(json) == "{}");
  auto items = ks::json_array_items(json, members[0].second);
  REQUIRE(items.size() == 2);
  CHECK(items[0].in(json) == "1");
  CHECK(items[1].in(json) == R"({"b": "x]}"})");
  CHECK(ks::json_member(json, whole(json), "e").in(json) == "true");
  CHECK(ks::json_member(json, whole(json), "nope").in(json).empty());
  CHECK(ks::json_array_items("[]", whole("[]")).empty());
  CHECK(ks::json_object_members("{ }", whole("{ }")).empty());
}

TEST_CASE("json spans: text that is not JSON gives nothing, never a span past the end") {
  for (std::string bad : {R"({"a": 1)", R"({"a" 1})", R"({"a": [1, 2})", R"({"a": "unterminated})", R"([1 2])",
                          R"({a: 1})", "", "[", R"({"a": })", R"("x\")"}) {
    CAPTURE(bad);
    CHECK(ks::json_object_members(bad, whole(bad)).empty());
    CHECK(ks::json_array_items(bad, whole(bad)).empty());
  }
  CHECK(ks::skip_json_value(R"({"a": [}])", 0) == std::string_view::npos);
  CHECK(ks::skip_json_value(R"(  "a\\" )", 0) == 7);
}
