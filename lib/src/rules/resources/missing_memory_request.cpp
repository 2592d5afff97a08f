// missing-memory-request: a container without a memory request.
#include "rules/resources/missing_resource.hpp"

namespace chartproof::rules {
namespace {

class MissingMemoryRequest : public MissingResourceRule {
 public:
  explicit MissingMemoryRequest(const Params& p) : MissingResourceRule("requests", "memory", "memory request", p) {}
};

}  // namespace

RuleDefinition missing_memory_request_rule() {
  return define<MissingMemoryRequest>(RuleMeta{
      .id = "missing-memory-request",
      .pack = "resources",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should request memory.",
      .rationale =
          "Without a memory request the scheduler may pack the pod onto a node that cannot hold its working set, "
          "and under memory pressure the kubelet evicts pods that exceed their requests first. A container with "
          "only a memory limit is not reported: Kubernetes uses the limit as its request." +
          limit_range_note(),
      .remediation = "Set `resources.requests.memory` to the container's steady working set, e.g. `256Mi`.",
      .automatic_fix = "the `fix_value` parameter's quantity, when the policy sets one (strict: 128Mi).",
      .params = {fix_value_param("memory request")}});
}

}  // namespace chartproof::rules
