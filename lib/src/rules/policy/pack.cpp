#include "rules/policy/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> policy_pack() {
  return {
      unused_exemption_rule(),
      expired_exemption_rule(),
      stale_baseline_entry_rule(),
  };
}

}  // namespace chartproof::rules
