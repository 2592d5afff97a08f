#include "rules/hygiene/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> hygiene_pack() {
  return {
      duplicate_env_var_rule(),
      missing_standard_labels_rule(),
  };
}

}  // namespace chartproof::rules
