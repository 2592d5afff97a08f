// The probes pack: the contract between a container and the kubelet's health checks.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition missing_liveness_probe_rule();      // missing_liveness_probe.cpp
RuleDefinition missing_readiness_probe_rule();     // missing_readiness_probe.cpp
RuleDefinition missing_startup_probe_rule();       // missing_startup_probe.cpp
RuleDefinition probe_port_not_exposed_rule();      // probe_port_not_exposed.cpp
RuleDefinition liveness_same_as_readiness_rule();  // liveness_same_as_readiness.cpp
RuleDefinition probe_timing_invalid_rule();        // probe_timing_invalid.cpp
RuleDefinition probe_contract_mismatch_rule();     // probe_contract_mismatch.cpp
RuleDefinition probe_timing_out_of_range_rule();   // probe_timing_out_of_range.cpp

std::vector<RuleDefinition> probes_pack() {
  return {
      missing_liveness_probe_rule(),  missing_readiness_probe_rule(),    missing_startup_probe_rule(),
      probe_port_not_exposed_rule(),  liveness_same_as_readiness_rule(), probe_timing_invalid_rule(),
      probe_contract_mismatch_rule(), probe_timing_out_of_range_rule(),
  };
}

}  // namespace chartproof::rules
