// unused-exemption: an exemption that matched no finding (reported by the engine after a run).
#include "rules/policy/pack.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// The engine reports this rule: only it sees every finding an exemption could have removed.
class UnusedExemption : public Rule {
 public:
  explicit UnusedExemption(const Params&) {}
};

}  // namespace

RuleDefinition unused_exemption_rule() {
  return define<UnusedExemption>(RuleMeta{
      "unused-exemption", "policy", Severity::Info, true, {"(policy)"},
      "Every exemption should still be needed.",
      "An exemption that removed no finding in this run is stale: the problem was fixed, the resource was "
      "renamed, or the scope never matched. Stale exemptions hide the next real problem with the same rule, "
      "so they are reported (at the exemption, in the policy file) to be cleaned up.",
      "Delete the exemption, or correct its rules or scope.",
      {}});
}

}  // namespace chartproof::rules
