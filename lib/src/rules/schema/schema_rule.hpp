#pragma once
// What the rules that check resources against the Kubernetes API of the target version share: the
// run's schemas (RuleContext::schemas, loaded by the linter because these rules declare
// `needs_schemas`) and how to declare such a rule.

#include "kubeschema/schemas.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// The run's schemas; the engine provides them to every rule whose metadata sets needs_schemas.
inline const Schemas& schemas_of(const RuleContext& ctx) { return *ctx.schemas; }

/// Defines a rule that reads the run's schemas.
template <typename R>
RuleDefinition define_schema_rule(RuleMeta meta) {
  meta.needs_schemas = true;
  return define<R>(std::move(meta));
}

}  // namespace chartproof::rules
