#pragma once
// The built-in packs, each defined (and its rules registered) in rules/<pack>/pack.cpp.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
std::vector<RuleDefinition> admission_pack();
std::vector<RuleDefinition> chart_pack();
std::vector<RuleDefinition> hygiene_pack();
std::vector<RuleDefinition> images_pack();
std::vector<RuleDefinition> policy_pack();
std::vector<RuleDefinition> probes_pack();
std::vector<RuleDefinition> pss_pack();
std::vector<RuleDefinition> resources_pack();
std::vector<RuleDefinition> rollout_pack();
std::vector<RuleDefinition> schema_pack();
std::vector<RuleDefinition> secrets_pack();
std::vector<RuleDefinition> security_pack();
std::vector<RuleDefinition> validation_pack();
std::vector<RuleDefinition> selectors_pack();
}  // namespace chartproof::rules
