#pragma once
// The selectors pack: labels and selectors that must agree for traffic and controllers to work.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition selector_template_mismatch_rule();
RuleDefinition service_selects_nothing_rule();
std::vector<RuleDefinition> selectors_pack();
}  // namespace chartproof::rules
