#pragma once
// The schema pack: input that is not valid YAML or not a valid Kubernetes object, and objects the
// Kubernetes API of the target version rejects.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition invalid_yaml_rule();
RuleDefinition duplicate_key_rule();
RuleDefinition invalid_resource_rule();
RuleDefinition schema_violation_rule();
RuleDefinition unknown_field_rule();
RuleDefinition deprecated_api_version_rule();
RuleDefinition removed_api_version_rule();
RuleDefinition unknown_kind_rule();
RuleDefinition invalid_secret_data_rule();
RuleDefinition boolean_key_rule();
RuleDefinition invalid_crd_schema_rule();
std::vector<RuleDefinition> schema_pack();
}  // namespace chartproof::rules
