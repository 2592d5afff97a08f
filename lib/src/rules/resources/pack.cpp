#include "rules/resources/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> resources_pack() {
  return {
      missing_cpu_request_rule(),   missing_memory_request_rule(), missing_cpu_limit_rule(),
      missing_memory_limit_rule(),  request_exceeds_limit_rule(),  invalid_quantity_rule(),
      resource_out_of_range_rule(),
  };
}

}  // namespace chartproof::rules
