// Every parameter of every rule: a wrongly typed value, and for parameters with a check a value of
// the right type that cannot work, is a located policy error, never a silently disabled check.
#include <doctest/doctest.h>

#include <variant>

#include "chartproof/policy.hpp"
#include "test_support.hpp"

using namespace chartproof;

namespace {

// A value of another type than the parameter's (a number is accepted for a string parameter).
std::string wrong_type(const ParamValue& v) {
  if (std::holds_alternative<std::int64_t>(v)) return "\"twelve\"";
  if (std::holds_alternative<std::string>(v)) return "[a, b]";
  if (std::holds_alternative<bool>(v)) return "[yes]";
  return "true";
}

std::string policy_setting(const std::string& rule, const std::string& param, const std::string& value) {
  return "apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  " + rule + ":\n    params:\n      " + param + ": " +
         value + "\n";
}

}  // namespace

TEST_CASE("a wrong value for any parameter of any rule is an error at its policy line") {
  std::size_t params = 0, checked = 0;
  for (const auto& def : builtin_rules()) {
    for (const auto& p : def.meta.params) {
      CAPTURE(def.meta.id);
      CAPTURE(p.name);
      ++params;
      auto typed = parse_policy(policy_setting(def.meta.id, p.name, wrong_type(p.default_value)), "p.yaml");
      REQUIRE_FALSE(typed);
      CHECK(typed.error().line == 6);
      CHECK(typed.error().message.find(p.name) != std::string::npos);
      if (!p.check) continue;
      // Values of the right type that cannot work: at least one is rejected, at the value's line.
      bool rejected = false;
      for (const char* candidate :
           {"lots", "1GB", "\"(\"", "\"[\"", "\"httpGet\"", "\"period=x\"", "-1", "70000", "[\"(\"]"}) {
        auto bad = parse_policy(policy_setting(def.meta.id, p.name, candidate), "p.yaml");
        if (bad) continue;
        rejected = true;
        CHECK(bad.error().line == 6);
        CHECK(bad.error().message.find(p.name) != std::string::npos);
      }
      CHECK(rejected);
      ++checked;
    }
  }
  CHECK(params >= 25);
  // Which parameters have a value check: quantities, patterns, counts, ports, probe contracts.
  CHECK(checked >= 19);
}

TEST_CASE("a bound that is not a quantity names the quantity syntax") {
  auto bad = parse_policy(policy_setting("resource-out-of-range", "max_memory_limit", "1GB"), "p.yaml");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().to_string() ==
        "p.yaml:6:25: parameter \"max_memory_limit\" of rule \"resource-out-of-range\": \"1GB\" is not a Kubernetes "
        "quantity: a number with an optional suffix, e.g. 250m or 2 (CPU), 512Mi or 1Gi (memory; binary Ki Mi Gi Ti, "
        "decimal k M G T; not MB or GB)");
  // Options given in code get the same check when the linter is created.
  LintOptions options;
  options.rules["resource-out-of-range"].params["min_cpu_request"] = std::string("lots");
  auto linter = Linter::create(options);
  REQUIRE_FALSE(linter);
  CHECK(linter.error().message.find("\"lots\" is not a Kubernetes quantity") != std::string::npos);
}
