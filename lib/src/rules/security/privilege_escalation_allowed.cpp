// privilege-escalation-allowed: allowPrivilegeEscalation is not false.
#include "rules/container_support.hpp"

namespace chartproof::rules {
namespace {

class PrivilegeEscalationAllowed : public Rule {
 public:
  explicit PrivilegeEscalationAllowed(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (is_windows_pod(*r.pod)) return;  // a Linux-only field: rejected on Windows pods
    for (const Container& c : r.pod->containers) {
      Field privileged = container_security_field(c, "privileged");
      bool sys_admin = false;
      for (const auto& [cap, field] : added_capabilities(c)) sys_admin |= cap == "SYS_ADMIN";
      Field allow = container_security_field(c, "allowPrivilegeEscalation");
      // Kubernetes: "AllowPrivilegeEscalation is true always when the container is run as
      // privileged, or has CAP_SYS_ADMIN".
      if (privileged.node.as_bool() == true || sys_admin) {
        out.report(r,
                   allow
                       ? allow
                       : (privileged.node.as_bool() == true ? privileged
                                                            : security_field_or_closest(c, "allowPrivilegeEscalation")),
                   c.describe() + " can escalate privileges: it is " +
                       (privileged.node.as_bool() == true ? "privileged" : "granted CAP_SYS_ADMIN") +
                       ", which implies allowPrivilegeEscalation: true");
        continue;
      }
      if (allow.node.as_bool() == false) continue;
      Field at = allow ? allow : security_field_or_closest(c, "allowPrivilegeEscalation");
      at.fix = FieldFix{{}, "false"};
      if (allow)
        out.report(r, at, c.describe() + " sets allowPrivilegeEscalation: " + std::string(allow.node.text()));
      else
        out.report(r, at, c.describe() + " does not set allowPrivilegeEscalation: false");
    }
  }
};

}  // namespace

RuleDefinition privilege_escalation_allowed_rule() {
  return define<PrivilegeEscalationAllowed>(RuleMeta{
      .id = "privilege-escalation-allowed",
      .pack = "security",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should set allowPrivilegeEscalation: false.",
      .rationale =
          "Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent through "
          "setuid binaries or file capabilities (the kernel's no_new_privs flag stays off). Kubernetes treats it "
          "as true whenever the container is privileged or adds CAP_SYS_ADMIN, whatever the field says; those "
          "containers are reported too. Required by the Pod Security Standards' restricted level. "
          "Windows pods (`spec.os.name: windows`) are skipped: the API server rejects this Linux-only field on "
          "them and Pod Security Admission exempts them.",
      .remediation = "Set `securityContext.allowPrivilegeEscalation: false` on every container.",
      .automatic_fix = "`allowPrivilegeEscalation: false` (not where privileged or CAP_SYS_ADMIN implies true)."});
}

}  // namespace chartproof::rules
