// liveness-same-as-readiness: the liveness probe is an exact copy of the readiness probe.
#include "rules/probes/probe_support.hpp"

namespace chartproof::rules {
namespace {

class LivenessSameAsReadiness : public Rule {
 public:
  explicit LivenessSameAsReadiness(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node liveness = c.node.get("livenessProbe");
      Node readiness = c.node.get("readinessProbe");
      if (!liveness.is_map() || !readiness.is_map() || !deep_equal(liveness, readiness)) continue;
      out.report(
          r, Field{liveness, c.path + ".livenessProbe"},
          "liveness probe of " + c.describe() + " is identical to its readiness probe (same handler and timing)");
    }
  }
};

}  // namespace

RuleDefinition liveness_same_as_readiness_rule() {
  return define<LivenessSameAsReadiness>(RuleMeta{
      .id = "liveness-same-as-readiness",
      .pack = "probes",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Liveness and readiness probes should not be identical.",
      .rationale =
          "Readiness answers \"can I take traffic now?\" (a database or cache being down is a good reason to say "
          "no); liveness answers \"is this process broken beyond repair?\". When both are the same check with "
          "the same timing, a failing dependency fails liveness too and the kubelet restarts every replica at "
          "once, turning a dependency outage into a crash loop. Probes with the same handler but different "
          "timing are not reported.",
      .remediation =
          "Give liveness its own cheap endpoint that does not check dependencies (e.g. /health/live), and keep "
          "dependency checks in readiness (/health/ready)."});
}

}  // namespace chartproof::rules
