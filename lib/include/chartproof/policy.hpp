#pragma once
/// \file
/// Policies and profiles: which rules run, with which severities and parameters.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/engine.hpp"
#include "chartproof/error.hpp"

namespace chartproof {

/// A parsed policy file (`apiVersion: chartproof.io/v1`, `kind: Policy`).
struct Policy {
  std::string name;
  std::string file;                  ///< where it was read from (for errors)
  std::vector<std::string> extends;  ///< built-in profile names or policy file paths
  std::map<std::string, RuleConfig> rules;
};

/// Parses a policy document; errors carry `file:line:col`.
Expected<Policy> parse_policy(std::string_view text, const std::string& file);

/// Names of the built-in profiles (`recommended`, `strict`, ...).
std::vector<std::string> builtin_profile_names();

/// The rule configuration of a built-in profile, with its `extends` chain applied.
Expected<std::map<std::string, RuleConfig>> load_builtin_profile(std::string_view name);

/// Overlays `top` on `base`: per rule, every field `top` sets wins; params merge by name.
void merge_rule_configs(std::map<std::string, RuleConfig>& base, const std::map<std::string, RuleConfig>& top);

}  // namespace chartproof
