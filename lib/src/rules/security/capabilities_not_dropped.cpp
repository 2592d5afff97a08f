// capabilities-not-dropped: capabilities.drop does not contain ALL.
#include "rules/container_support.hpp"
#include "rules/security/pack.hpp"

namespace chartproof::rules {
namespace {

class CapabilitiesNotDropped : public Rule {
 public:
  explicit CapabilitiesNotDropped(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (is_windows_pod(*r.pod)) return;  // a Linux-only field: rejected on Windows pods
    for (const Container& c : r.pod->containers) {
      Node drop = c.node.get("securityContext").get("capabilities").get("drop");
      bool all = false;
      for (std::size_t i = 0; i < drop.size(); ++i) all |= normalize_capability(drop.item(i).text()) == "ALL";
      if (all) continue;
      Field at{drop, c.path + ".securityContext.capabilities.drop"};
      if (!drop) {
        Node caps = c.node.get("securityContext").get("capabilities");
        at.node = caps ? caps : security_field_or_closest(c, "capabilities").node;
      }
      out.report(r, at, c.describe() + " does not drop ALL capabilities");
    }
  }
};

}  // namespace

RuleDefinition capabilities_not_dropped_rule() {
  return define<CapabilitiesNotDropped>(
      RuleMeta{"capabilities-not-dropped",
               "security",
               Severity::Warning,
               true,
               workload_kinds(),
               "Containers should drop ALL Linux capabilities.",
               "Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...) "
               "that a web service does not need; NET_RAW alone allows ARP and DNS spoofing inside the node network. "
               "Dropping ALL and adding back only what is needed is required by the Pod Security Standards' "
               "restricted level. "
               "Windows pods (`spec.os.name: windows`) are skipped: the API server rejects this Linux-only field on "
               "them and Pod Security Admission exempts them.",
               "Set `securityContext.capabilities.drop: [ALL]`, and `add` only what the process needs "
               "(e.g. NET_BIND_SERVICE to bind ports below 1024).",
               {}});
}

}  // namespace chartproof::rules
