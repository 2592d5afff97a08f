// privileged-container: a container with securityContext.privileged: true.
#include "rules/container_support.hpp"

namespace chartproof::rules {
namespace {

class PrivilegedContainer : public Rule {
 public:
  explicit PrivilegedContainer(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Field privileged = container_security_field(c, "privileged");
      privileged.fix = FieldFix{{}, "false"};
      if (privileged.node.as_bool() == true) out.report(r, privileged, c.describe() + " runs privileged");
    }
  }
};

}  // namespace

RuleDefinition privileged_container_rule() {
  return define<PrivilegedContainer>(RuleMeta{
      .id = "privileged-container",
      .pack = "security",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Containers must not run privileged.",
      .rationale =
          "A privileged container has every capability and every host device; it is root on the node in all but "
          "name, so any compromise of the application is a compromise of the node and its other pods. The Pod "
          "Security Standards forbid it at the baseline level.",
      .remediation =
          "Remove `securityContext.privileged: true`; grant only the specific capability the workload needs.",
      .automatic_fix = "`privileged: false`."});
}

}  // namespace chartproof::rules
