#include "rules/secrets/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> secrets_pack() {
  return {
      plaintext_secret_in_env_rule(),
  };
}

}  // namespace chartproof::rules
