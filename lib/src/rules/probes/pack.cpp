#include "rules/probes/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> probes_pack() {
  return {
      missing_liveness_probe_rule(),  missing_readiness_probe_rule(),    missing_startup_probe_rule(),
      probe_port_not_exposed_rule(),  liveness_same_as_readiness_rule(), probe_timing_invalid_rule(),
      probe_contract_mismatch_rule(), probe_timing_out_of_range_rule(),
  };
}

}  // namespace chartproof::rules
