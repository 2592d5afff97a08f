// missing-memory-limit: a container without a memory limit.
#include "rules/resources/missing_resource.hpp"
#include "rules/resources/pack.hpp"

namespace chartproof::rules {
namespace {

class MissingMemoryLimit : public MissingResourceRule {
 public:
  explicit MissingMemoryLimit(const Params&) : MissingResourceRule("limits", "memory", "memory limit") {}
};

}  // namespace

RuleDefinition missing_memory_limit_rule() {
  return define<MissingMemoryLimit>(
      RuleMeta{"missing-memory-limit",
               "resources",
               Severity::Error,
               true,
               workload_kinds(),
               "Containers must set a memory limit.",
               "Memory is not compressible: a container without a memory limit that leaks can push its node into "
               "out-of-memory, and the kernel then kills processes of other pods too. With a limit, only the offending "
               "container is OOM-killed and restarted.",
               "Set `resources.limits.memory`, e.g. `512Mi` (at least the request).",
               {}});
}

}  // namespace chartproof::rules
