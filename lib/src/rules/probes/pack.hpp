#pragma once
// The probes pack: the contract between a container and the kubelet's health checks.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition missing_liveness_probe_rule();
RuleDefinition missing_readiness_probe_rule();
RuleDefinition missing_startup_probe_rule();
RuleDefinition probe_port_not_exposed_rule();
RuleDefinition liveness_same_as_readiness_rule();
RuleDefinition probe_timing_invalid_rule();
RuleDefinition probe_contract_mismatch_rule();
RuleDefinition probe_timing_out_of_range_rule();
std::vector<RuleDefinition> probes_pack();
}  // namespace chartproof::rules
