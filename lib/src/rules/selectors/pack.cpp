#include "rules/selectors/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> selectors_pack() {
  return {
      selector_template_mismatch_rule(),
      service_selects_nothing_rule(),
  };
}

}  // namespace chartproof::rules
