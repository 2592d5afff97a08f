#include "rules/rollout/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> rollout_pack() {
  return {
      rollout_causes_downtime_rule(),
  };
}

}  // namespace chartproof::rules
