// missing-memory-request: a container without a memory request.
#include "rules/resources/missing_resource.hpp"
#include "rules/resources/pack.hpp"

namespace chartproof::rules {
namespace {

class MissingMemoryRequest : public MissingResourceRule {
 public:
  explicit MissingMemoryRequest(const Params&) : MissingResourceRule("requests", "memory", "memory request") {}
};

}  // namespace

RuleDefinition missing_memory_request_rule() {
  return define<MissingMemoryRequest>(
      RuleMeta{"missing-memory-request",
               "resources",
               Severity::Warning,
               true,
               workload_kinds(),
               "Containers should request memory.",
               "Without a memory request the scheduler may pack the pod onto a node that cannot hold its working set, "
               "and under memory pressure the kubelet evicts pods that exceed their requests first. A container with "
               "only a memory limit is not reported: Kubernetes uses the limit as its request." +
                   limit_range_note(),
               "Set `resources.requests.memory` to the container's steady working set, e.g. `256Mi`.",
               {}});
}

}  // namespace chartproof::rules
