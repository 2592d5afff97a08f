// The rollout pack: updates that take the service down.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition rollout_causes_downtime_rule();  // rollout_causes_downtime.cpp

std::vector<RuleDefinition> rollout_pack() {
  return {
      rollout_causes_downtime_rule(),
  };
}

}  // namespace chartproof::rules
