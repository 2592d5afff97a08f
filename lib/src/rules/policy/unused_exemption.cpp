// unused-exemption: an exemption that matched no finding (reported by the engine after a run).
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// Runs after every other check, when the run knows which exemptions removed a finding.
class UnusedExemption : public Rule {
 public:
  explicit UnusedExemption(const Params&) {}
  void check_run(const RunContext& ctx, Reporter& out) const override {
    for (const ExemptionUse& use : ctx.exemptions) {
      if (use.expired || use.used) continue;
      const Exemption& ex = *use.exemption;
      out.report_file(ex.file, ex.line, ex.column,
                      "exemption for " + join_commas(ex.rules) +
                          " matched no finding; remove it or fix its scope (reason: " + ex.reason + ")");
    }
  }
};

}  // namespace

RuleDefinition unused_exemption_rule() {
  return define<UnusedExemption>(RuleMeta{
      .id = "unused-exemption",
      .pack = "policy",
      .severity = Severity::Info,
      .kinds = {"(policy)"},
      .summary = "Every exemption should still be needed.",
      .rationale =
          "An exemption that removed no finding in this run is stale: the problem was fixed, the resource was "
          "renamed, or the scope never matched. Stale exemptions hide the next real problem with the same rule, "
          "so they are reported (at the exemption, in the policy file) to be cleaned up.",
      .remediation = "Delete the exemption, or correct its rules or scope.",
      .subject = RuleSubject::Run});
}

}  // namespace chartproof::rules
