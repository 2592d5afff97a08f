// probe-timing-out-of-range: probe timings outside the bounds of the team's probe contract.
#include <sstream>

#include "rules/param_checks.hpp"
#include "rules/probes/probe_contract.hpp"

namespace chartproof::rules {
namespace {

class ProbeTimingOutOfRange : public Rule {
 public:
  explicit ProbeTimingOutOfRange(const Params& p)
      : containers_(p.get_list("containers")), min_startup_window_(p.get_int("min_startup_window")) {
    for (const auto& kind : kProbeKinds) {
      std::string error;
      bounds_.push_back(parse_timing_spec(p.get_string(std::string(kind.name)), error));
    }
  }

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      if (!containers_.applies(c)) continue;
      for (std::size_t k = 0; k < kProbeKinds.size(); ++k) {
        const auto& kind = kProbeKinds[k];
        Node probe = c.node.get(kind.field);
        if (!probe.is_map()) continue;  // a missing probe is probe-contract-mismatch's or missing-*-probe's
        std::string path = c.path + "." + std::string(kind.field);
        std::string subject = std::string(kind.name) + " probe of " + c.describe();
        for (const auto& b : bounds_[k]) {
          Node v = probe.get(b.field);
          std::int64_t actual = v.as_int().value_or(probe_default(b.field));
          bool ok = b.op == "=" ? actual == b.value : b.op == "<=" ? actual <= b.value : actual >= b.value;
          if (ok) continue;
          out.report(r, Field{v ? v : probe, path + "." + b.field, {}, {}, FieldFix{{}, std::to_string(b.value)}},
                     subject + " has " + b.field + " " + std::to_string(actual) + (v ? "" : " (the default)") +
                         "; the contract requires " + b.field + b.op + std::to_string(b.value));
        }
        if (kind.name == "startup" && min_startup_window_ > 0) {
          std::int64_t delay = probe.get("initialDelaySeconds").as_int().value_or(0);
          std::int64_t failures = probe.get("failureThreshold").as_int().value_or(3);
          std::int64_t period = probe.get("periodSeconds").as_int().value_or(10);
          std::int64_t window = delay + failures * period;
          if (window < min_startup_window_) {
            // At failureThreshold, the one value that widens the window without slowing detection
            // once the container runs (the startup probe stops at its first success).
            Node threshold = probe.get("failureThreshold");
            Field at{threshold ? threshold : probe, path + ".failureThreshold"};
            if (period > 0) {
              at.fix = FieldFix{{}, std::to_string((min_startup_window_ - delay + period - 1) / period)};
            }
            out.report(r, at,
                       subject + " allows " + std::to_string(window) + " s to start (initialDelaySeconds " +
                           std::to_string(delay) + " + failureThreshold " + std::to_string(failures) +
                           " x periodSeconds " + std::to_string(period) + "); the contract requires at least " +
                           std::to_string(min_startup_window_) + " s");
          }
        }
      }
    }
  }

 private:
  ContainerFilter containers_;
  std::int64_t min_startup_window_;
  std::vector<std::vector<TimingBound>> bounds_;  // startup, liveness, readiness
};

// Timing bounds the contract cannot parse, where the policy sets them.
std::optional<std::string> timing_problem(const ParamValue& value) {
  std::string error;
  parse_timing_spec(std::get<std::string>(value), error);
  return error.empty() ? std::nullopt : std::optional<std::string>(error);
}

std::optional<std::string> validate(const Params& p) {
  for (const auto& kind : kProbeKinds) {
    std::string error;
    parse_timing_spec(p.get_string(std::string(kind.name)), error);
    if (!error.empty()) return "parameter " + std::string(kind.name) + ": " + error;
  }
  return std::nullopt;
}

}  // namespace

RuleDefinition probe_timing_out_of_range_rule() {
  RuleDefinition def = define<ProbeTimingOutOfRange>(RuleMeta{
      .id = "probe-timing-out-of-range",
      .pack = "probes",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Probe timings must stay within the team's probe contract.",
      .rationale = "How fast a failure is detected (periodSeconds x failureThreshold), how long a slow response is "
                   "tolerated (timeoutSeconds) and how long a first start may take (the startup window: "
                   "initialDelaySeconds + failureThreshold x periodSeconds) are service-level decisions. The contract "
                   "states them as bounds per probe, e.g. `liveness: \"periodSeconds=10 timeoutSeconds<=2 "
                   "failureThreshold=3\"` and `min_startup_window: 30`; unset fields count with Kubernetes' defaults "
                   "(period 10, timeout 1, failures 3, delay 0). Nothing is required until the parameters say so.",
      .remediation = "Set the probe's timing within the bounds, or change the bounds in the policy for this service.",
      .automatic_fix = "the contract's bound (`timeoutSeconds<=2`: 2); for a startup window too short, the "
                       "failureThreshold that makes it long enough.",
      .params = {ParamSpec{"liveness", "bounds for the liveness probe, e.g. \"periodSeconds=10 timeoutSeconds<=2\"",
                           std::string(), &timing_problem},
                 ParamSpec{"readiness", "bounds for the readiness probe", std::string(), &timing_problem},
                 ParamSpec{"startup", "bounds for the startup probe", std::string(), &timing_problem},
                 ParamSpec{"min_startup_window", "smallest startup window in seconds (0 = no bound)", std::int64_t{0},
                           &non_negative_problem},
                 ParamSpec{"containers", "names (RE2, whole-name) of the containers bound by the contract; empty = all",
                           std::vector<std::string>{}, &re2_patterns_problem}}});
  def.validate = validate;
  return def;
}

}  // namespace chartproof::rules
