// missing-cpu-limit: a container without a CPU limit.
#include "rules/resources/missing_resource.hpp"

namespace chartproof::rules {
namespace {

class MissingCpuLimit : public MissingResourceRule {
 public:
  explicit MissingCpuLimit(const Params& p) : MissingResourceRule("limits", "cpu", "CPU limit", p) {}
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
      .remediation = "Set `resources.limits.cpu`, e.g. `500m` (at least the request).",
      .automatic_fix = "the `fix_value` parameter's quantity, when the policy sets one (strict: 1).",
      .params = {fix_value_param("CPU limit")}});
}

}  // namespace chartproof::rules
