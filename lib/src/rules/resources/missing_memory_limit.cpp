// missing-memory-limit: a container without a memory limit.
#include "rules/resources/missing_resource.hpp"

namespace chartproof::rules {
namespace {

class MissingMemoryLimit : public MissingResourceRule {
 public:
  explicit MissingMemoryLimit(const Params& p) : MissingResourceRule("limits", "memory", "memory limit", p) {}
};

}  // namespace

RuleDefinition missing_memory_limit_rule() {
  return define<MissingMemoryLimit>(RuleMeta{
      .id = "missing-memory-limit",
      .pack = "resources",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should set a memory limit.",
      .rationale =
          "Memory is not compressible: a container without a memory limit that leaks can push its node into "
          "out-of-memory, and the kernel then kills processes of other pods too. With a limit, only the offending "
          "container is OOM-killed and restarted. The pod runs without one, so this is a warning (`strict` makes it "
          "an error)." +
          limit_range_note(),
      .remediation = "Set `resources.limits.memory`, e.g. `512Mi` (at least the request).",
      .automatic_fix = "the `fix_value` parameter's quantity, when the policy sets one (strict: 512Mi).",
      .params = {fix_value_param("memory limit")}});
}

}  // namespace chartproof::rules
