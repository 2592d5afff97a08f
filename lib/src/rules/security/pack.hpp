#pragma once
// The security pack: containers that can run as root or with more privilege than they need.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition run_as_root_rule();
std::vector<RuleDefinition> security_pack();
}  // namespace chartproof::rules
