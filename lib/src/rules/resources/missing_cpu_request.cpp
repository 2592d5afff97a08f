// missing-cpu-request: a container without a CPU request.
#include "rules/resources/missing_resource.hpp"

namespace chartproof::rules {
namespace {

class MissingCpuRequest : public MissingResourceRule {
 public:
  explicit MissingCpuRequest(const Params& p) : MissingResourceRule("requests", "cpu", "CPU request", p) {}
};

}  // namespace

RuleDefinition missing_cpu_request_rule() {
  return define<MissingCpuRequest>(RuleMeta{
      .id = "missing-cpu-request",
      .pack = "resources",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should request CPU.",
      .rationale =
          "The scheduler places pods by their requests; a container without a CPU request is scheduled as if it needed "
          "none, lands on crowded nodes and is the first to be starved under contention (BestEffort or Burstable QoS). "
          "A "
          "container with only a CPU limit is not reported: Kubernetes uses the limit as its request." +
          limit_range_note(),
      .remediation = "Set `resources.requests.cpu` to what the container uses under normal load, e.g. `250m`.",
      .automatic_fix = "the `fix_value` parameter's quantity, when the policy sets one (strict: 100m).",
      .params = {fix_value_param("CPU request")}});
}

}  // namespace chartproof::rules
