#pragma once
// Shared check of the missing-{cpu,memory}-{request,limit} rules.

#include <array>
#include <string>

#include "chartproof/graph.hpp"
#include "rules/resources/resource_values.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// The first LimitRange of `namespace_` in the input that fills `resources.<section>.<resource>` into
/// containers that leave it out, or null. The LimitRanger admission plugin applies a `type: Container`
/// item's `default` as limits and `defaultRequest` as requests, after the API server has defaulted
/// them (SetDefaults_LimitRangeItem, pkg/apis/core/v1/defaults.go): default from max, defaultRequest
/// from default, then from min.
inline const Resource* limit_range_filling(const ResourceGraph& graph, std::string_view namespace_,
                                           std::string_view section, std::string_view resource) {
  constexpr std::array kLimitSources = {"default", "max"};
  constexpr std::array kRequestSources = {"defaultRequest", "default", "max", "min"};
  for (const Resource* range : graph.of_kind("LimitRange", namespace_)) {
    Node limits = range->root.get("spec").get("limits");
    for (std::size_t i = 0; i < limits.size(); ++i) {
      Node item = limits.item(i);
      if (item.get_text("type") != "Container") continue;
      auto fills = [&](const auto& sources) {
        for (const char* source : sources) {
          Node value = item.get(source).get(resource);
          if (value && !value.is_null()) return true;
        }
        return false;
      };
      if (section == "limits" ? fills(kLimitSources) : fills(kRequestSources)) return range;
    }
  }
  return nullptr;
}

/// The rationale sentence the four missing-resource rules share.
inline std::string limit_range_note() {
  return " Containers of a namespace with a LimitRange in the input whose `type: Container` item gives a default "
         "(default, defaultRequest, or max and min, which the API server turns into defaults) are not reported: "
         "the LimitRanger admission plugin fills the value in when the pod is created.";
}

/// The parameter of each missing-resource rule that makes it a fixable one: the quantity the policy
/// states for a container that leaves the value out (strict states them), written by `chartproof fix`.
/// Empty (the default) offers no edit: how much a workload needs is the team's call, not ours.
inline ParamSpec fix_value_param(std::string_view what) {
  return ParamSpec{
      "fix_value",
      "the " + std::string(what) + " `chartproof fix` writes where it is missing (a quantity; empty = no fix)",
      std::string(), &quantity_param_problem};
}

/// A rule that reports containers and init containers lacking resources.<section>.<resource>,
/// unless a LimitRange of their namespace in the input fills it in at admission.
/// (Ephemeral containers are not in the model's containers: invalid-resource reports them.)
class MissingResourceRule : public Rule {
 public:
  MissingResourceRule(std::string_view section, std::string_view resource, std::string_view what, const Params& p)
      : section_(section), resource_(resource), what_(what), fix_value_(p.get_string("fix_value")) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (limit_range_filling(ctx.graph, r.ref.namespace_, section_, resource_)) return;
    for (const Container& c : r.pod->containers) {
      Node value = c.node.get("resources").get(section_).get(resource_);
      if (value && !value.is_null()) continue;
      // Kubernetes copies a limit into a missing request, so a set limit is also the request.
      Node limit = c.node.get("resources").get("limits").get(resource_);
      if (section_ == "requests" && limit && !limit.is_null()) continue;
      Field at = field_or_closest(c, "resources", section_);
      at.path += "." + resource_;
      if (!fix_value_.empty()) at.fix = FieldFix{{}, fix_value_};
      out.report(r, at, c.describe() + " has no " + what_);
    }
  }

 private:
  std::string section_;
  std::string resource_;
  std::string what_;
  std::string fix_value_;
};

}  // namespace chartproof::rules
