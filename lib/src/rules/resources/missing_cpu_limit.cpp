// missing-cpu-limit: a container without a CPU limit.
#include "rules/resources/missing_resource.hpp"

namespace chartproof::rules {
namespace {

class MissingCpuLimit : public MissingResourceRule {
 public:
  explicit MissingCpuLimit(const Params&) : MissingResourceRule("limits", "cpu", "CPU limit") {}
};

}  // namespace

RuleDefinition missing_cpu_limit_rule() {
  return define<MissingCpuLimit>(RuleMeta{
      .id = "missing-cpu-limit",
      .pack = "resources",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should set a CPU limit.",
      .rationale =
          "A container without a CPU limit can take every idle core of its node and slow its neighbours; many "
          "clusters enforce limits with a LimitRange or quota, and such pods are then rejected at install time." +
          limit_range_note(),
      .remediation = "Set `resources.limits.cpu`, e.g. `500m` (at least the request)."});
}

}  // namespace chartproof::rules
