#pragma once
// The policy pack: findings about the policy and the baseline themselves. Their checks live in the engine, which is
// the one place that knows which exemptions matched; the rules carry metadata and configuration.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition unused_exemption_rule();
RuleDefinition expired_exemption_rule();
RuleDefinition stale_baseline_entry_rule();
std::vector<RuleDefinition> policy_pack();
}  // namespace chartproof::rules
