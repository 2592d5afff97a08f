// seccomp-profile-missing: neither the pod nor the container sets a RuntimeDefault/Localhost profile.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class SeccompProfileMissing : public Rule {
 public:
  explicit SeccompProfileMissing(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (is_windows_pod(*r.pod)) return;  // a Linux-only field: rejected on Windows pods
    for (const Container& c : r.pod->containers) {
      Field profile = effective_security_field(*r.pod, c, "seccompProfile");
      std::string_view type = profile.node.get_text("type");
      if (type == "RuntimeDefault" || type == "Localhost") continue;
      if (profile) {
        Field at{profile.node.get("type") ? profile.node.get("type") : profile.node, profile.path + ".type"};
        at.fix = FieldFix{{}, "RuntimeDefault"};
        out.report(r, at, c.describe() + " runs with seccomp profile " + in_quotes(type.empty() ? "(none)" : type));
      } else {
        // At the closest field that exists (securityContext, else the container): where it is added.
        Field at = field_or_closest(c, "securityContext", "seccompProfile");
        at.fix = FieldFix{{"type"}, "RuntimeDefault"};
        out.report(r, at, c.describe() + " has no seccomp profile (the runtime default is not applied unless set)");
      }
    }
  }
};

}  // namespace

RuleDefinition seccomp_profile_missing_rule() {
  return define<SeccompProfileMissing>(RuleMeta{
      .id = "seccomp-profile-missing",
      .pack = "security",
      .severity = Severity::Info,
      .kinds = workload_kinds(),
      .summary = "Pods should run with the RuntimeDefault (or a Localhost) seccomp profile.",
      .rationale =
          "Without a seccomp profile the container may call every system call of the node's kernel, including "
          "the rarely used ones most kernel exploits go through. Kubernetes runs containers Unconfined unless "
          "the pod or container sets seccompProfile (the container's setting overrides the pod's). The Pod "
          "Security Standards' restricted level requires RuntimeDefault or Localhost. "
          "Windows pods (`spec.os.name: windows`) are skipped: the API server rejects this Linux-only field on "
          "them and Pod Security Admission exempts them.",
      .remediation = "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.",
      .automatic_fix = "`seccompProfile: {type: RuntimeDefault}`."});
}

}  // namespace chartproof::rules
