// host-path-mounted: a hostPath volume.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class HostPathMounted : public Rule {
 public:
  explicit HostPathMounted(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node volumes = r.pod->spec.node.get("volumes");
    for (std::size_t i = 0; i < volumes.size(); ++i) {
      Node host_path = volumes.item(i).get("hostPath");
      if (!host_path.is_map()) continue;
      std::string path = r.pod->spec.path + ".volumes[" + std::to_string(i) + "].hostPath";
      out.report(r, Field{host_path.get("path") ? host_path.get("path") : host_path, path + ".path"},
                 "volume " + in_quotes(volumes.item(i).get_text("name")) + " mounts host path " +
                     in_quotes(host_path.get_text("path")));
    }
  }
};

}  // namespace

RuleDefinition host_path_mounted_rule() {
  return define<HostPathMounted>(RuleMeta{
      .id = "host-path-mounted",
      .pack = "security",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Pods should not mount directories of the node.",
      .rationale =
          "A hostPath volume exposes the node's filesystem to the container: the container runtime socket, "
          "kubelet credentials or /etc are one mount away from a node takeover, and data written there outlives "
          "the pod on one node only. Node agents (log shippers, CSI drivers) need it; web services do not.",
      .remediation =
          "Use an emptyDir, a ConfigMap/Secret volume or a PersistentVolumeClaim instead; if a node agent really "
          "needs it, mount it readOnly and suppress the finding on that workload."});
}

}  // namespace chartproof::rules
