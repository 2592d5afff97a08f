// writable-root-filesystem: readOnlyRootFilesystem is not true.
#include "rules/container_support.hpp"

namespace chartproof::rules {
namespace {

class WritableRootFilesystem : public Rule {
 public:
  explicit WritableRootFilesystem(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (is_windows_pod(*r.pod)) return;  // a Linux-only field: rejected on Windows pods
    for (const Container& c : r.pod->containers) {
      Field ro = container_security_field(c, "readOnlyRootFilesystem");
      if (ro.node.as_bool() == true) continue;
      Field at = ro ? ro : security_field_or_closest(c, "readOnlyRootFilesystem");
      at.fix = FieldFix{{}, "true"};
      if (ro)
        out.report(r, at, c.describe() + " sets readOnlyRootFilesystem: " + std::string(ro.node.text()));
      else
        out.report(r, at, c.describe() + " has a writable root filesystem (readOnlyRootFilesystem is not true)");
    }
  }
};

}  // namespace

RuleDefinition writable_root_filesystem_rule() {
  return define<WritableRootFilesystem>(RuleMeta{
      .id = "writable-root-filesystem",
      .pack = "security",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should mount their root filesystem read-only.",
      .rationale =
          "A writable root filesystem lets an attacker who gets code execution drop tools or modify the "
          "application's own files, and lets the application write state that disappears on restart. With a "
          "read-only root, writes go only to volumes you declared (emptyDir for /tmp and caches). "
          "Windows pods (`spec.os.name: windows`) are skipped: the API server rejects this Linux-only field on "
          "them and Pod Security Admission exempts them.",
      .remediation =
          "Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the process writes "
          "(/tmp, cache directories).",
      .automatic_fix = "`readOnlyRootFilesystem: true`."});
}

}  // namespace chartproof::rules
