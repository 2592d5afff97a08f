// missing-cpu-limit: a container without a CPU limit.
#include "rules/resources/missing_resource.hpp"
#include "rules/resources/pack.hpp"

namespace chartproof::rules {
namespace {

class MissingCpuLimit : public MissingResourceRule {
 public:
  explicit MissingCpuLimit(const Params&) : MissingResourceRule("limits", "cpu", "CPU limit") {}
};

}  // namespace

RuleDefinition missing_cpu_limit_rule() {
  return define<MissingCpuLimit>(
      RuleMeta{"missing-cpu-limit",
               "resources",
               Severity::Warning,
               true,
               workload_kinds(),
               "Containers should set a CPU limit.",
               "A container without a CPU limit can take every idle core of its node and slow its neighbours; many "
               "clusters enforce limits with a LimitRange or quota, and such pods are then rejected at install time." +
                   limit_range_note(),
               "Set `resources.limits.cpu`, e.g. `500m` (at least the request).",
               {}});
}

}  // namespace chartproof::rules
