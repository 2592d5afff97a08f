#pragma once
// The rollout pack: updates that take the service down.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition rollout_causes_downtime_rule();
std::vector<RuleDefinition> rollout_pack();
}  // namespace chartproof::rules
