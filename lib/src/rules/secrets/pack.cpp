#include "rules/secrets/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> secrets_pack() {
  return {
      plaintext_secret_in_env_rule(),
      credential_in_configmap_rule(),
      known_credential_pattern_rule(),
  };
}

}  // namespace chartproof::rules
