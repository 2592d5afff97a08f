// probe-timing-invalid: probe timings Kubernetes rejects or that cannot work.
#include "rules/probes/probe_support.hpp"

namespace chartproof::rules {
namespace {

struct TimingField {
  std::string_view name;
  std::int64_t default_value;
  std::int64_t minimum;
};
// Defaults and minimums from the Kubernetes API (Probe v1).
constexpr std::array<TimingField, 6> kFields = {{{"initialDelaySeconds", 0, 0},
                                                 {"periodSeconds", 10, 1},
                                                 {"timeoutSeconds", 1, 1},
                                                 {"successThreshold", 1, 1},
                                                 {"failureThreshold", 3, 1},
                                                 {"terminationGracePeriodSeconds", 1, 1}}};

class ProbeTimingInvalid : public Rule {
 public:
  explicit ProbeTimingInvalid(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      for (const auto& kind : kProbeKinds) {
        Node probe = c.node.get(kind.field);
        if (!probe.is_map()) continue;
        std::string path = c.path + "." + std::string(kind.field);
        std::string subject = std::string(kind.name) + " probe of " + c.describe();
        for (const auto& f : kFields) {
          Node v = probe.get(f.name);
          auto value = v.as_int();
          if (value && *value < f.minimum) {
            // Fixed with the value Kubernetes uses when the field is left out.
            out.report(
                r, Field{v, path + "." + std::string(f.name), {}, {}, FieldFix{{}, std::to_string(f.default_value)}},
                subject + " sets " + std::string(f.name) + " to " + std::to_string(*value) + "; the minimum is " +
                    std::to_string(f.minimum));
          }
        }
        Node success = probe.get("successThreshold");
        if (kind.name != "readiness" && success.as_int().value_or(1) != 1) {
          out.report(r, Field{success, path + ".successThreshold", {}, {}, FieldFix{{}, "1"}},
                     subject + " sets successThreshold to " + std::string(success.text()) +
                         "; Kubernetes requires 1 for " + std::string(kind.name) + " probes");
        }
        Node period = probe.get("periodSeconds");
        Node timeout = probe.get("timeoutSeconds");
        std::int64_t p = period.as_int().value_or(10);
        std::int64_t t = timeout.as_int().value_or(1);
        // Equal is valid and common (a check every 5 s that may take 5 s); longer runs, but a
        // hanging check then delays the next one: a warning.
        if (p >= 1 && t >= 1 && t > p) {
          Field at = timeout ? Field{timeout, path + ".timeoutSeconds", {}, {}, FieldFix{{}, std::to_string(p)}}
                             : Field{period, path + ".periodSeconds"};
          out.report_at_most(r, at,
                             subject + " has timeoutSeconds " + std::to_string(t) + " > periodSeconds " +
                                 std::to_string(p) +
                                 "; a hanging check then delays the next one and failures are detected late",
                             Severity::Warning);
        }
      }
    }
  }
};

}  // namespace

RuleDefinition probe_timing_invalid_rule() {
  return define<ProbeTimingInvalid>(RuleMeta{
      .id = "probe-timing-invalid",
      .pack = "probes",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Probe timings must be valid and the timeout no longer than the period.",
      .rationale =
          "The API server rejects zero or negative periods, timeouts and thresholds, and a successThreshold other "
          "than 1 on liveness and startup probes, so `helm install` fails (errors). A timeout equal to the "
          "period is valid and common; a longer one (with Kubernetes' defaults of 1 s timeout and 10 s period "
          "filled in) runs, but a hanging endpoint then blocks the probe worker past the next period: checks "
          "run late and failureThreshold counts more wall time than intended (a warning).",
      .remediation = "Keep timeoutSeconds at most periodSeconds (e.g. period 10, timeout 2), every value positive, and "
                     "successThreshold 1 except on readiness probes.",
      .automatic_fix = "`successThreshold: 1` on liveness and startup probes; a value below its minimum becomes "
                       "Kubernetes' default for it; a timeout above the period becomes the period."});
}

}  // namespace chartproof::rules
