#pragma once
// Shared check of the missing-{cpu,memory}-{request,limit} rules.

#include <string>

#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// A rule that reports containers and init containers lacking resources.<section>.<resource>.
/// (Ephemeral containers are not in the model's containers: invalid-resource reports them.)
class MissingResourceRule : public Rule {
 public:
  MissingResourceRule(std::string_view section, std::string_view resource, std::string_view what)
      : section_(section), resource_(resource), what_(what) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node value = c.node.get("resources").get(section_).get(resource_);
      if (value && !value.is_null()) continue;
      // Kubernetes copies a limit into a missing request, so a set limit is also the request.
      Node limit = c.node.get("resources").get("limits").get(resource_);
      if (section_ == "requests" && limit && !limit.is_null()) continue;
      Field at = field_or_closest(c, "resources", section_);
      at.path += "." + resource_;
      out.report(r, at, c.describe() + " has no " + what_);
    }
  }

 private:
  std::string section_;
  std::string resource_;
  std::string what_;
};

}  // namespace chartproof::rules
