#pragma once
// Policy parsing with custom rule ids inherited from the files a policy extends.

#include <string>
#include <string_view>
#include <vector>

#include "chartproof/policy.hpp"
#include "chartproof/rule_pack.hpp"

namespace chartproof {

/// parse_policy, where `rules:` and exemptions may also name custom rules of parent policies.
Expected<Policy> parse_policy_with(std::string_view text, const std::string& file,
                                   const std::vector<std::string>& inherited_custom_ids, const RuleCatalogue& rules);

/// A rule, pack or profile id: kebab-case (`image-from-approved-registry`).
bool is_kebab_case(std::string_view s);

/// The catalogue `rules` points at, or the built-in one.
inline const RuleCatalogue& catalogue_or_builtin(const RuleCatalogue* rules) {
  return rules ? *rules : *RuleCatalogue::builtin();
}

}  // namespace chartproof
