#pragma once
// The schema pack: input that is not valid YAML or not a valid Kubernetes object.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition invalid_yaml_rule();
RuleDefinition duplicate_key_rule();
RuleDefinition invalid_resource_rule();
std::vector<RuleDefinition> schema_pack();
}  // namespace chartproof::rules
