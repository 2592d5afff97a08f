// The selectors pack: labels, selectors and references that must agree for traffic and controllers to work.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition selector_template_mismatch_rule();      // selector_template_mismatch.cpp
RuleDefinition service_selects_nothing_rule();         // service_selects_nothing.cpp
RuleDefinition service_target_port_missing_rule();     // service_target_port_missing.cpp
RuleDefinition ingress_backend_missing_rule();         // ingress_backend_missing.cpp
RuleDefinition hpa_target_missing_rule();              // hpa_target_missing.cpp
RuleDefinition pdb_selects_nothing_rule();             // pdb_selects_nothing.cpp
RuleDefinition network_policy_selects_nothing_rule();  // network_policy_selects_nothing.cpp
RuleDefinition missing_referenced_object_rule();       // missing_referenced_object.cpp
RuleDefinition overlapping_selectors_rule();           // overlapping_selectors.cpp
RuleDefinition duplicate_resource_rule();              // duplicate_resource.cpp
RuleDefinition nodeport_conflict_rule();               // nodeport_conflict.cpp
RuleDefinition statefulset_service_missing_rule();     // statefulset_service_missing.cpp

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
