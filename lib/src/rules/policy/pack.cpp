// The policy pack: findings about the policy and the baseline themselves. Their checks live in the engine, which is
// the one place that knows which exemptions matched; the rules carry metadata and configuration.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition unused_exemption_rule();      // unused_exemption.cpp
RuleDefinition expired_exemption_rule();     // expired_exemption.cpp
RuleDefinition stale_baseline_entry_rule();  // stale_baseline_entry.cpp

std::vector<RuleDefinition> policy_pack() {
  return {
      unused_exemption_rule(),
      expired_exemption_rule(),
      stale_baseline_entry_rule(),
  };
}

}  // namespace chartproof::rules
