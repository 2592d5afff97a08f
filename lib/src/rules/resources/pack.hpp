#pragma once
// The resources pack: requests and limits the scheduler and the kernel need.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition missing_cpu_request_rule();
RuleDefinition missing_memory_request_rule();
RuleDefinition missing_cpu_limit_rule();
RuleDefinition missing_memory_limit_rule();
RuleDefinition request_exceeds_limit_rule();
RuleDefinition invalid_quantity_rule();
RuleDefinition resource_out_of_range_rule();
std::vector<RuleDefinition> resources_pack();
}  // namespace chartproof::rules
