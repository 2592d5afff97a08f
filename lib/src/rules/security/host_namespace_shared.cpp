// host-namespace-shared: hostNetwork, hostPID or hostIPC is true.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class HostNamespaceShared : public Rule {
 public:
  explicit HostNamespaceShared(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const Field& spec = r.pod->spec;
    for (std::string_view field : {"hostNetwork", "hostPID", "hostIPC"}) {
      Node value = spec.node.get(field);
      if (value.as_bool() == true) {
        out.report(r, Field{value, spec.path + "." + std::string(field), {}, {}, FieldFix{{}, "false"}},
                   "pod shares the node's " +
                       std::string(field == "hostNetwork" ? "network"
                                   : field == "hostPID"   ? "process"
                                                          : "IPC") +
                       " namespace (" + std::string(field) + ": true)");
      }
    }
  }
};

}  // namespace

RuleDefinition host_namespace_shared_rule() {
  return define<HostNamespaceShared>(RuleMeta{
      .id = "host-namespace-shared",
      .pack = "security",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Pods must not share the node's network, process or IPC namespace.",
      .rationale =
          "hostNetwork lets the pod bind node ports and sniff the node's traffic, bypassing NetworkPolicies; "
          "hostPID lets it see and signal every process on the node; hostIPC lets it read shared memory of other "
          "workloads. The Pod Security Standards forbid all three at the baseline level.",
      .remediation =
          "Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false); expose ports with a Service.",
      .automatic_fix = "`hostNetwork`, `hostPID` or `hostIPC: false`."});
}

}  // namespace chartproof::rules
