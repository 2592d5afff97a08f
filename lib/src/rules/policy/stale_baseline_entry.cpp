// stale-baseline-entry: a baseline entry that matched no finding (reported by the engine after a run).
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// Runs after every other check, when the run knows which baseline entries took a finding.
class StaleBaselineEntry : public Rule {
 public:
  explicit StaleBaselineEntry(const Params&) {}
  void check_run(const RunContext& ctx, Reporter& out) const override {
    if (!ctx.baseline || !ctx.options.baseline) return;
    if (ctx.options.baseline->version == 1) {
      out.report_file(ctx.options.baseline->file, ctx.options.baseline->version_line,
                      ctx.options.baseline->version_column,
                      "baseline format 1 names list items by position (containers[2]): an added sidecar or a "
                      "reordered env list shifts its entries onto other findings; rewrite it (--write-baseline) "
                      "for format 2, which names them by merge key (containers[name=app])");
    }
    for (const BaselineUse& use : *ctx.baseline) {
      if (use.unmatched == 0) continue;
      const BaselineEntry& e = *use.entry;
      std::string what =
          e.rule + (e.resource.empty() ? "" : " on " + e.resource) + (e.path.empty() ? "" : " at " + e.path);
      std::string gone = use.unmatched == e.count ? "no longer occurs"
                                                  : "occurs " + std::to_string(e.count - use.unmatched) + " of " +
                                                        std::to_string(e.count) + " times now";
      out.report_file(
          ctx.options.baseline->file, e.line, e.column,
          "baseline entry for " + what + " " + gone + "; rewrite the baseline (--write-baseline) to drop it");
    }
  }
};

}  // namespace

RuleDefinition stale_baseline_entry_rule() {
  return define<StaleBaselineEntry>(RuleMeta{
      .id = "stale-baseline-entry",
      .pack = "policy",
      .severity = Severity::Info,
      .kinds = {"(baseline)"},
      .summary = "Every baseline entry should still match a finding.",
      .rationale =
          "A baseline (--baseline FILE) lists findings a chart had when the team adopted chartproof, so that "
          "only new ones fail the gate. When one of them is fixed its entry stays behind, and would hide the same "
          "finding if it came back; it is reported (at the entry, in the baseline file) so the baseline shrinks "
          "as the chart improves.",
      .remediation = "Rewrite the baseline with --write-baseline FILE (with the same inputs), or delete the entry.",
      .subject = RuleSubject::Run});
}

}  // namespace chartproof::rules
