// missing-startup-probe: a long-running container without a startupProbe.
#include "rules/probes/missing_probe.hpp"

namespace chartproof::rules {
namespace {

class MissingStartupProbe : public Rule {
 public:
  explicit MissingStartupProbe(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    check_missing_probe(r, out, "startupProbe", "startup");
  }
};

}  // namespace

RuleDefinition missing_startup_probe_rule() {
  return define<MissingStartupProbe>(RuleMeta{
      .id = "missing-startup-probe",
      .pack = "probes",
      .severity = Severity::Warning,
      .enabled_by_default = false,
      .kinds = workload_kinds(),
      .summary = "Long-running containers should declare a startup probe.",
      .rationale =
          "Without a startup probe, a slow first start (migrations, cache warm-up, JIT) races the liveness "
          "probe: set its initialDelaySeconds too low and the kubelet kills the container before it ever serves, "
          "too high and a real hang goes unnoticed for that long on every restart. A startup probe holds back "
          "liveness and readiness until the container has started once. Off in the recommended profile, a "
          "warning in strict.",
      .remediation = "Add `startupProbe` on the liveness endpoint with a generous window, e.g. `periodSeconds: 5` and "
                     "`failureThreshold: 6` (30 s)."});
}

}  // namespace chartproof::rules
