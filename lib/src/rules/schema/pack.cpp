#include "rules/schema/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> schema_pack() {
  return {
      invalid_yaml_rule(),        duplicate_key_rule(),      invalid_resource_rule(),
      schema_violation_rule(),    unknown_field_rule(),      deprecated_api_version_rule(),
      removed_api_version_rule(), unknown_kind_rule(),       invalid_secret_data_rule(),
      boolean_key_rule(),         invalid_crd_schema_rule(),
  };
}

}  // namespace chartproof::rules
