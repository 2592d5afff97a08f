// missing-liveness-probe: a long-running container without a livenessProbe.
#include "rules/probes/missing_probe.hpp"

namespace chartproof::rules {
namespace {

class MissingLivenessProbe : public Rule {
 public:
  explicit MissingLivenessProbe(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    check_missing_probe(r, out, "livenessProbe", "liveness");
  }
};

}  // namespace

RuleDefinition missing_liveness_probe_rule() {
  return define<MissingLivenessProbe>(RuleMeta{
      .id = "missing-liveness-probe",
      .pack = "probes",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Long-running containers should declare a liveness probe.",
      .rationale =
          "Without a liveness probe the kubelet restarts a container only when its process exits; a deadlocked "
          "or wedged server keeps its pod Running forever. Pods that run to completion (Job, CronJob, "
          "restartPolicy Never/OnFailure) and init containers are exempt: the API server rejects probes on an init "
          "container, which runs to completion. Native sidecars (init containers with `restartPolicy: Always`, "
          "Kubernetes 1.29+) run beside the app and are probed like it, so they are checked.",
      .remediation =
          "Add `livenessProbe` with a cheap handler that fails only when the process must be restarted, e.g. "
          "`httpGet: {path: /health/live, port: http}`."});
}

}  // namespace chartproof::rules
