#include "rules/probes/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> probes_pack() {
  return {
      missing_liveness_probe_rule(),
      missing_readiness_probe_rule(),
  };
}

}  // namespace chartproof::rules
