#pragma once
// Policy parsing with custom rule ids inherited from the files a policy extends.

#include <string>
#include <string_view>
#include <vector>

#include "chartproof/policy.hpp"

namespace chartproof {

/// parse_policy, where `rules:` and exemptions may also name custom rules of parent policies.
Expected<Policy> parse_policy_with(std::string_view text, const std::string& file,
                                   const std::vector<std::string>& inherited_custom_ids);

}  // namespace chartproof
