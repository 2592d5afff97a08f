#include "rules/selectors/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> selectors_pack() {
  return {
      selector_template_mismatch_rule(),
      service_selects_nothing_rule(),
      service_target_port_missing_rule(),
      ingress_backend_missing_rule(),
      hpa_target_missing_rule(),
      pdb_selects_nothing_rule(),
      network_policy_selects_nothing_rule(),
      missing_referenced_object_rule(),
      overlapping_selectors_rule(),
      duplicate_resource_rule(),
      nodeport_conflict_rule(),
      statefulset_service_missing_rule(),
  };
}

}  // namespace chartproof::rules
