#include "rules/security/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> security_pack() {
  return {
      run_as_root_rule(),
  };
}

}  // namespace chartproof::rules
