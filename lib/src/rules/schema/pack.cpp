// The schema pack: input that is not valid YAML or not a valid Kubernetes object, and objects the
// Kubernetes API of the target version rejects.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition invalid_yaml_rule();            // invalid_yaml.cpp
RuleDefinition duplicate_key_rule();           // duplicate_key.cpp
RuleDefinition invalid_resource_rule();        // invalid_resource.cpp
RuleDefinition schema_violation_rule();        // schema_violation.cpp
RuleDefinition unknown_field_rule();           // unknown_field.cpp
RuleDefinition deprecated_api_version_rule();  // deprecated_api_version.cpp
RuleDefinition removed_api_version_rule();     // removed_api_version.cpp
RuleDefinition unknown_kind_rule();            // unknown_kind.cpp
RuleDefinition invalid_secret_data_rule();     // invalid_secret_data.cpp
RuleDefinition boolean_key_rule();             // boolean_key.cpp
RuleDefinition invalid_crd_schema_rule();      // invalid_crd_schema.cpp
RuleDefinition crd_validation_rule_rule();     // crd_validation_rule.cpp

std::vector<RuleDefinition> schema_pack() {
  return {
      invalid_yaml_rule(),        duplicate_key_rule(),      invalid_resource_rule(),
      schema_violation_rule(),    unknown_field_rule(),      deprecated_api_version_rule(),
      removed_api_version_rule(), unknown_kind_rule(),       invalid_secret_data_rule(),
      boolean_key_rule(),         invalid_crd_schema_rule(), crd_validation_rule_rule(),
  };
}

}  // namespace chartproof::rules
