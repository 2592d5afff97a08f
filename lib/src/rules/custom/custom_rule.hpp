#pragma once
// Rules declared in a policy's customRules: field checks with RE2 patterns, a JSON Schema, or a
// CEL expression (Kubernetes' own policy language, docs/cel.md).

#include "chartproof/error.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/rule.hpp"

namespace chartproof::rules {

/// The definition of a custom rule; an invalid pattern or schema is an Error at the rule.
Expected<RuleDefinition> make_custom_rule_definition(const CustomRuleSpec& spec);

}  // namespace chartproof::rules
