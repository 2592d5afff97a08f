#include "rules/schema/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> schema_pack() {
  return {
      invalid_yaml_rule(),
      duplicate_key_rule(),
      invalid_resource_rule(),
  };
}

}  // namespace chartproof::rules
