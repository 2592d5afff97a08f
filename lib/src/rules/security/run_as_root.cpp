// run-as-root: a container whose effective securityContext lets it run as UID 0.
#include "rules/param_checks.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class RunAsRoot : public Rule {
 public:
  explicit RunAsRoot(const Params& p)
      : min_uid_(p.get_int("min_uid")), forbid_root_group_(p.get_bool("forbid_root_group")) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const PodSpec& pod = *r.pod;
    if (is_windows_pod(pod)) return;  // Windows has no UIDs
    for (const Container& c : pod.containers) {
      if (forbid_root_group_) {
        Field gid = effective_security_field(pod, c, "runAsGroup");
        if (gid.node.type() == NodeType::Int && gid.node.as_int() == 0) {
          out.report(r, gid, c.describe() + " runs with GID 0 (the root group)");
        }
      }
      Field uid = effective_security_field(pod, c, "runAsUser");
      uid.fix = FieldFix{{}, std::to_string(min_uid_)};
      if (auto value = uid.node.type() == NodeType::Int ? uid.node.as_int() : std::nullopt) {
        if (*value == 0 && effective_security_field(pod, c, "runAsNonRoot").node.as_bool() == true) {
          // The kubelet refuses to start it (verifyRunAsNonRoot: "container's runAsUser breaks
          // non-root policy"): the container never runs, whatever the image.
          out.report(r, uid,
                     c.describe() +
                         " runs as UID 0 (root), which its runAsNonRoot: true forbids: the kubelet "
                         "refuses to start it");
        } else if (*value == 0) {
          out.report(r, uid, c.describe() + " runs as UID 0 (root)");
        } else if (*value < min_uid_)
          out.report(r, uid,
                     c.describe() + " runs as UID " + std::to_string(*value) + ", below the minimum " +
                         std::to_string(min_uid_));
        continue;
      }
      Field non_root = effective_security_field(pod, c, "runAsNonRoot");
      if (non_root.node.as_bool() == true) continue;
      if (non_root) {
        non_root.fix = FieldFix{{}, "true"};
        out.report(r, non_root,
                   c.describe() + " sets runAsNonRoot to " + std::string(non_root.node.text()) +
                       " and no runAsUser, so it runs as root if the image does");
      } else {
        Field at = field_or_closest(c, "securityContext", "runAsNonRoot");
        at.fix = FieldFix{{}, "true"};
        out.report(r, at,
                   c.describe() + " may run as root: neither runAsNonRoot: true nor a non-zero runAsUser is set");
      }
    }
  }

 private:
  std::int64_t min_uid_;
  bool forbid_root_group_;
};

}  // namespace

RuleDefinition run_as_root_rule() {
  return define<RunAsRoot>(RuleMeta{
      .id = "run-as-root",
      .pack = "security",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Containers must not be able to run as root (UID 0).",
      .rationale = "A process running as UID 0 in a container is root on the node's kernel: a container escape or a "
                   "writable host mount becomes a node compromise. Kubernetes runs the image's USER unless the pod or "
                   "container securityContext says otherwise, so only `runAsNonRoot: true` or a non-zero `runAsUser` "
                   "(container settings override the pod's) proves the container is not root. `runAsUser: 0` together "
                   "with an effective `runAsNonRoot: true` does not run at all: the kubelet refuses to start the "
                   "container (verifyRunAsNonRoot in pkg/kubelet/kuberuntime), and the finding says so.",
      .remediation =
          "Set `securityContext.runAsNonRoot: true` and `runAsUser: 1000` (any UID >= min_uid) on the pod or "
          "container, and build the image with a non-root USER.",
      .automatic_fix =
          "`runAsUser:` the policy's minimum UID where a UID of 0 (or below it) is written; else `runAsNonRoot: true`.",
      .params = {ParamSpec{"min_uid", "smallest UID accepted in runAsUser", std::int64_t{1}, &non_negative_problem},
                 ParamSpec{"forbid_root_group", "also report runAsGroup: 0", false}}});
}

}  // namespace chartproof::rules
