// The hygiene pack: mistakes Kubernetes accepts silently.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition duplicate_env_var_rule();        // duplicate_env_var.cpp
RuleDefinition missing_standard_labels_rule();  // missing_standard_labels.cpp

std::vector<RuleDefinition> hygiene_pack() {
  return {
      duplicate_env_var_rule(),
      missing_standard_labels_rule(),
  };
}

}  // namespace chartproof::rules
