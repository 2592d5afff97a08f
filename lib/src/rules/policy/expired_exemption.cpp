// expired-exemption: an exemption past its expires date (it no longer applies).
#include "rules/policy/pack.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// The engine reports this rule: expiry is decided when exemptions are applied.
class ExpiredExemption : public Rule {
 public:
  explicit ExpiredExemption(const Params&) {}
};

}  // namespace

RuleDefinition expired_exemption_rule() {
  return define<ExpiredExemption>(RuleMeta{
      "expired-exemption", "policy", Severity::Warning, true, {"(policy)"},
      "Exemptions past their expiry date stop applying.",
      "An exemption with `expires: YYYY-MM-DD` applies up to and including that day (UTC). After it, the "
      "findings it covered are reported again and this warning points at the exemption, so the deadline "
      "is visible rather than silently extended.",
      "Fix the exempted findings, or renew the exemption with a new date and reason.",
      {}});
}

}  // namespace chartproof::rules
