// duplicate-env-var: the same variable name twice in one container's env.
#include <set>

#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class DuplicateEnvVar : public Rule {
 public:
  explicit DuplicateEnvVar(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node env = c.node.get("env");
      std::set<std::string_view> seen;
      for (std::size_t i = 0; i < env.size(); ++i) {
        Node name = env.item(i).get("name");
        if (!name.is_scalar() || seen.insert(name.text()).second) continue;
        out.report(r, Field{name, c.path + ".env[" + std::to_string(i) + "].name"},
                   "env var " + in_quotes(name.text()) + " of " + c.describe() +
                       " is set more than once; Kubernetes keeps only the last value");
      }
    }
  }
};

}  // namespace

RuleDefinition duplicate_env_var_rule() {
  return define<DuplicateEnvVar>(RuleMeta{
      .id = "duplicate-env-var",
      .pack = "hygiene",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "A container must not set the same env var twice.",
      .rationale = "Kubernetes accepts duplicate env names and the container sees only the last one, so a value set in "
                   "the template is silently overridden by `extraEnv` from values (or the other way round) and the "
                   "setting you read in the manifest is not the one that runs. Reported at the second occurrence.",
      .remediation = "Remove one of the entries, or merge them (usually: let values override the template's default "
                     "explicitly)."});
}

}  // namespace chartproof::rules
