// The resources pack: requests and limits the scheduler and the kernel need.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition missing_cpu_request_rule();     // missing_cpu_request.cpp
RuleDefinition missing_memory_request_rule();  // missing_memory_request.cpp
RuleDefinition missing_cpu_limit_rule();       // missing_cpu_limit.cpp
RuleDefinition missing_memory_limit_rule();    // missing_memory_limit.cpp
RuleDefinition request_exceeds_limit_rule();   // request_exceeds_limit.cpp
RuleDefinition invalid_quantity_rule();        // invalid_quantity.cpp
RuleDefinition resource_out_of_range_rule();   // resource_out_of_range.cpp

std::vector<RuleDefinition> resources_pack() {
  return {
      missing_cpu_request_rule(),   missing_memory_request_rule(), missing_cpu_limit_rule(),
      missing_memory_limit_rule(),  request_exceeds_limit_rule(),  invalid_quantity_rule(),
      resource_out_of_range_rule(),
  };
}

}  // namespace chartproof::rules
