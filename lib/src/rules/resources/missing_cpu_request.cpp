// missing-cpu-request: a container without a CPU request.
#include "rules/resources/missing_resource.hpp"
#include "rules/resources/pack.hpp"

namespace chartproof::rules {
namespace {

class MissingCpuRequest : public MissingResourceRule {
 public:
  explicit MissingCpuRequest(const Params&) : MissingResourceRule("requests", "cpu", "CPU request") {}
};

}  // namespace

RuleDefinition missing_cpu_request_rule() {
  return define<MissingCpuRequest>(RuleMeta{
      "missing-cpu-request",
      "resources",
      Severity::Warning,
      true,
      workload_kinds(),
      "Containers should request CPU.",
      "The scheduler places pods by their requests; a container without a CPU request is scheduled as if it needed "
      "none, lands on crowded nodes and is the first to be starved under contention (BestEffort or Burstable QoS). A "
      "container with only a CPU limit is not reported: Kubernetes uses the limit as its request." +
          limit_range_note(),
      "Set `resources.requests.cpu` to what the container uses under normal load, e.g. `250m`.",
      {}});
}

}  // namespace chartproof::rules
