// capabilities-not-dropped: capabilities.drop does not contain ALL.
#include "rules/container_support.hpp"

namespace chartproof::rules {
namespace {

class CapabilitiesNotDropped : public Rule {
 public:
  explicit CapabilitiesNotDropped(const Params& p) : exact_case_(p.get_bool("exact_case")) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (is_windows_pod(*r.pod)) return;  // a Linux-only field: rejected on Windows pods
    for (const Container& c : r.pod->containers) {
      Node drop = c.node.get("securityContext").get("capabilities").get("drop");
      bool all = false;
      bool all_other_case = false;  // `all`, `CAP_ALL`: what the runtime drops, not what admission accepts
      for (std::size_t i = 0; i < drop.size(); ++i) {
        std::string_view written = drop.item(i).text();
        if (written == "ALL") all = true;
        if (normalize_capability(written) == "ALL") all_other_case = true;
      }
      if (all || (all_other_case && !exact_case_)) continue;
      Field at{drop, c.path + ".securityContext.capabilities.drop"};
      if (!drop) {
        Node caps = c.node.get("securityContext").get("capabilities");
        at.node = caps ? caps : security_field_or_closest(c, "capabilities").node;
        at.fix = FieldFix{{}, "[ALL]"};  // a list that lacks ALL is left to a person: which to keep?
      }
      out.report(r, at,
                 c.describe() + (all_other_case ? " drops \"ALL\" in another spelling; Pod Security Admission "
                                                  "(restricted) compares it case-sensitively and rejects the pod: "
                                                  "write ALL"
                                                : " does not drop ALL capabilities"));
    }
  }

 private:
  bool exact_case_;
};

}  // namespace

RuleDefinition capabilities_not_dropped_rule() {
  return define<CapabilitiesNotDropped>(RuleMeta{
      .id = "capabilities-not-dropped",
      .pack = "security",
      .severity = Severity::Warning,
      .kinds = workload_kinds(),
      .summary = "Containers should drop ALL Linux capabilities.",
      .rationale =
          "Container runtimes grant a default set of capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...) "
          "that a web service does not need; NET_RAW alone allows ARP and DNS spoofing inside the node network. "
          "Dropping ALL and adding back only what is needed is required by the Pod Security Standards' "
          "restricted level. The container runtime reads `drop: [all]` as ALL, but Pod Security Admission's "
          "restricted check (check_capabilities_restricted.go, k8s.io/pod-security-admission) compares the "
          "string `ALL` exactly, so `exact_case` (on in the pss-restricted profile) reports any other spelling. "
          "Windows pods (`spec.os.name: windows`) are skipped: the API server rejects this Linux-only field on "
          "them and Pod Security Admission exempts them.",
      .remediation = "Set `securityContext.capabilities.drop: [ALL]`, and `add` only what the process needs "
                     "(e.g. NET_BIND_SERVICE to bind ports below 1024).",
      .automatic_fix = "`capabilities: {drop: [ALL]}` where the container has no drop list (a list that lacks ALL is "
                       "left to a person: which to keep?).",
      .params = {ParamSpec{"exact_case", "accept only `ALL` as written, as Pod Security Admission does", false}}});
}

}  // namespace chartproof::rules
