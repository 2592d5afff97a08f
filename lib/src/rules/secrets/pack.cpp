// The secrets pack: credentials written in plain text where anyone who can read the manifest sees them.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition plaintext_secret_in_env_rule();   // plaintext_secret_in_env.cpp
RuleDefinition credential_in_configmap_rule();   // credential_in_configmap.cpp
RuleDefinition known_credential_pattern_rule();  // known_credential_pattern.cpp

std::vector<RuleDefinition> secrets_pack() {
  return {
      plaintext_secret_in_env_rule(),
      credential_in_configmap_rule(),
      known_credential_pattern_rule(),
  };
}

}  // namespace chartproof::rules
