#pragma once
// The secrets pack: credentials written in plain text where anyone who can read the manifest sees them.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition plaintext_secret_in_env_rule();
RuleDefinition credential_in_configmap_rule();
RuleDefinition known_credential_pattern_rule();
std::vector<RuleDefinition> secrets_pack();
}  // namespace chartproof::rules
