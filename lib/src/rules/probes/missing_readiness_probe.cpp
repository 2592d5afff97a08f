// missing-readiness-probe: a long-running container without a readinessProbe.
#include "rules/probes/missing_probe.hpp"

namespace chartproof::rules {
namespace {

class MissingReadinessProbe : public Rule {
 public:
  explicit MissingReadinessProbe(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    check_missing_probe(r, out, "readinessProbe", "readiness");
  }
};

}  // namespace

RuleDefinition missing_readiness_probe_rule() {
  return define<MissingReadinessProbe>(RuleMeta{
      .id = "missing-readiness-probe",
      .pack = "probes",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Long-running containers should declare a readiness probe.",
      .rationale =
          "A pod without a readiness probe is Ready as soon as its containers start, so Services send it traffic "
          "before the server listens, and a rolling update moves on before the new version can serve: requests "
          "fail during every deploy. The pod runs, so this is a warning (`strict` makes it an error). Pods that run "
          "to completion and init containers are exempt; native sidecars (init containers with `restartPolicy: "
          "Always`) are checked, as the pod is Ready only when they are.",
      .remediation = "Add `readinessProbe` that succeeds only when the container can serve, e.g. "
                     "`httpGet: {path: /health/ready, port: http}`."});
}

}  // namespace chartproof::rules
