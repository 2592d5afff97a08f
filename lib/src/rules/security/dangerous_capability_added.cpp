// dangerous-capability-added: capabilities.add grants a capability that breaks isolation.
#include <set>

#include "rules/container_support.hpp"

namespace chartproof::rules {
namespace {

class DangerousCapabilityAdded : public Rule {
 public:
  explicit DangerousCapabilityAdded(const Params& p) {
    for (const auto& cap : p.get_list("capabilities")) dangerous_.insert(normalize_capability(cap));
  }
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      for (const auto& [cap, field] : added_capabilities(c)) {
        if (dangerous_.count(cap)) out.report(r, field, c.describe() + " adds capability " + cap);
      }
    }
  }

 private:
  std::set<std::string> dangerous_;
};

}  // namespace

RuleDefinition dangerous_capability_added_rule() {
  return define<DangerousCapabilityAdded>(RuleMeta{
      .id = "dangerous-capability-added",
      .pack = "security",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Containers must not add capabilities that break container isolation.",
      .rationale =
          "SYS_ADMIN is nearly root (mounts, namespaces, BPF); SYS_MODULE loads kernel modules; SYS_PTRACE "
          "reads other processes' memory; NET_ADMIN and NET_RAW rewrite or spoof the node's network; ALL grants "
          "everything. Names are compared as Kubernetes does, case-insensitively and with or without `CAP_`.",
      .remediation = "Remove the capability from `securityContext.capabilities.add`; run the privileged part as a "
                     "separate, reviewed component if it is really needed.",
      .params = {ParamSpec{"capabilities", "capabilities reported when added",
                           std::vector<std::string>{"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE",
                                                    "NET_RAW", "SYS_RAWIO", "SYS_BOOT", "BPF", "PERFMON",
                                                    "DAC_READ_SEARCH", "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE"}}}});
}

}  // namespace chartproof::rules
