#pragma once
// The hygiene pack: mistakes Kubernetes accepts silently.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition duplicate_env_var_rule();
RuleDefinition missing_standard_labels_rule();
std::vector<RuleDefinition> hygiene_pack();
}  // namespace chartproof::rules
