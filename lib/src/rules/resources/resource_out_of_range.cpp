// resource-out-of-range: requests or limits outside the bounds a policy sets.
#include <optional>

#include "rules/resources/resource_values.hpp"

namespace chartproof::rules {
namespace {

struct Bound {
  std::string param;    ///< parameter name, e.g. max_cpu_limit
  std::string section;  ///< requests or limits
  std::string name;     ///< cpu or memory
  bool is_max;
  std::optional<Quantity> value;
  std::string text;
};

class ResourceOutOfRange : public Rule {
 public:
  explicit ResourceOutOfRange(const Params& p) {
    for (const char* section : {"requests", "limits"}) {
      for (const char* name : {"cpu", "memory"}) {
        for (bool is_max : {false, true}) {
          std::string param = std::string(is_max ? "max_" : "min_") + name + "_" +
                              (std::string(section) == "requests" ? "request" : "limit");
          const std::string& text = p.get_string(param);
          bounds_.push_back(
              Bound{param, section, name, is_max, text.empty() ? std::nullopt : parse_quantity(text), text});
        }
      }
    }
  }

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const auto& v : container_resource_values(*r.pod)) {
      auto q = quantity_of(v.field.node);
      if (!q) continue;
      for (const auto& b : bounds_) {
        if (!b.value || b.section != v.section || b.name != v.name) continue;
        if (b.is_max ? *q > *b.value : *q < *b.value) {
          out.report(r, v.field,
                     v.container->describe() + " " + v.section + "." + v.name + " " + std::string(v.field.node.text()) +
                         " is " + (b.is_max ? "above the maximum " : "below the minimum ") + b.text + " (" + b.param +
                         ")");
        }
      }
    }
  }

 private:
  std::vector<Bound> bounds_;
};

std::vector<ParamSpec> bound_params() {
  std::vector<ParamSpec> out;
  for (const char* section : {"request", "limit"}) {
    for (const char* name : {"cpu", "memory"}) {
      for (const char* side : {"min", "max"}) {
        out.push_back(ParamSpec{std::string(side) + "_" + name + "_" + section,
                                std::string(side == std::string("min") ? "smallest" : "largest") + " " + name + " " +
                                    section + " allowed (a quantity; empty = no bound)",
                                std::string(), &quantity_param_problem});
      }
    }
  }
  return out;
}

}  // namespace

RuleDefinition resource_out_of_range_rule() {
  return define<ResourceOutOfRange>(RuleMeta{
      .id = "resource-out-of-range",
      .pack = "resources",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Requests and limits should stay within the bounds the team sets.",
      .rationale =
          "A 64Gi memory limit on a web backend is usually a typo (Gi for Mi) and a 1m CPU request starves the "
          "container; both pass the API server. Bounds are parameters and unset by default; the strict profile "
          "sets bounds that fit typical web services, and a policy can set its own.",
      .remediation =
          "Bring the value within the bound, or change the bound in the policy if the workload really needs it.",
      .params = bound_params()});
}

}  // namespace chartproof::rules
