// expired-exemption: an exemption past its expires date (it no longer applies).
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// Expiry is decided when the linter is created; the run's exemptions come with their state.
class ExpiredExemption : public Rule {
 public:
  explicit ExpiredExemption(const Params&) {}
  void check_run(const RunContext& ctx, Reporter& out) const override {
    for (const ExemptionUse& use : ctx.exemptions) {
      if (!use.expired) continue;
      const Exemption& ex = *use.exemption;
      out.report_file(ex.file, ex.line, ex.column,
                      "exemption for " + join_commas(ex.rules) + " expired on " + ex.expires +
                          " and no longer applies (reason was: " + ex.reason + ")");
    }
  }
};

}  // namespace

RuleDefinition expired_exemption_rule() {
  return define<ExpiredExemption>(RuleMeta{
      .id = "expired-exemption",
      .pack = "policy",
      .severity = Severity::Warning,
      .kinds = {"(policy)"},
      .summary = "Exemptions past their expiry date stop applying.",
      .rationale = "An exemption with `expires: YYYY-MM-DD` applies up to and including that day (UTC). After it, the "
                   "findings it covered are reported again and this warning points at the exemption, so the deadline "
                   "is visible rather than silently extended.",
      .remediation = "Fix the exempted findings, or renew the exemption with a new date and reason.",
      .subject = RuleSubject::Run});
}

}  // namespace chartproof::rules
