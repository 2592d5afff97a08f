#pragma once
// The selectors pack: labels, selectors and references that must agree for traffic and controllers to work.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition selector_template_mismatch_rule();
RuleDefinition service_selects_nothing_rule();
RuleDefinition service_target_port_missing_rule();
RuleDefinition ingress_backend_missing_rule();
RuleDefinition hpa_target_missing_rule();
RuleDefinition pdb_selects_nothing_rule();
RuleDefinition network_policy_selects_nothing_rule();
RuleDefinition missing_referenced_object_rule();
RuleDefinition overlapping_selectors_rule();
RuleDefinition duplicate_resource_rule();
RuleDefinition nodeport_conflict_rule();
RuleDefinition statefulset_service_missing_rule();
std::vector<RuleDefinition> selectors_pack();
}  // namespace chartproof::rules
