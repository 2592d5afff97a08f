#pragma once
// The `external` parameter of reference rules: names of objects created outside the chart.

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/param_checks.hpp"

namespace chartproof::rules {

/// The `external` parameter's ParamSpec, one wording for every rule that takes it.
inline ParamSpec external_names_param() {
  return ParamSpec{"external", "names (RE2 patterns, whole-name match) of objects created outside the chart",
                   std::vector<std::string>{}, &re2_patterns_problem};
}

/// Compiled `external` patterns: a reference to a name that matches one is not reported.
/// (A malformed pattern never gets here: external_names_param() rejects it where the policy sets it.)
class ExternalNames {
 public:
  explicit ExternalNames(const Params& p) {
    RE2::Options o;
    o.set_log_errors(false);
    for (const auto& pattern : p.get_list("external")) {
      auto re = std::make_unique<RE2>(pattern, o);
      if (re->ok()) patterns_.push_back(std::move(re));
    }
  }
  bool contains(std::string_view name) const {
    for (const auto& re : patterns_) {
      if (RE2::FullMatch(name, *re)) return true;
    }
    return false;
  }

 private:
  std::vector<std::unique_ptr<RE2>> patterns_;
};

}  // namespace chartproof::rules
