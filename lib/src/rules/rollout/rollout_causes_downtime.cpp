// rollout-causes-downtime: a Deployment update that can take every ready replica down.
#include <optional>
#include <string>

#include "rules/int_or_percent.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// Resolved against `replicas` as the Deployment controller does (ResolveFenceposts):
// maxSurge rounds a percentage up, maxUnavailable rounds it down.
std::int64_t resolve(IntOrPercent v, std::int64_t replicas, bool round_up) {
  if (!v.percent) return v.number;
  std::int64_t scaled = v.number * replicas;
  return round_up ? (scaled + 99) / 100 : scaled / 100;
}

std::string replicas_text(std::int64_t replicas) {
  return std::to_string(replicas) + " replica" + (replicas == 1 ? "" : "s");
}

class RolloutCausesDowntime : public Rule {
 public:
  explicit RolloutCausesDowntime(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node spec = r.root.get("spec");
    Node strategy = spec.get("strategy");
    Node type = strategy.get("type");
    if (type.text() == "Recreate") {
      out.report_at_most(r, Field{type, "spec.strategy.type"},
                         "strategy Recreate stops every pod before starting new ones: each update is an outage",
                         Severity::Info);
      return;
    }
    Node rolling = strategy.get("rollingUpdate");
    Node unavailable_node = rolling.get("maxUnavailable");
    Node surge_node = rolling.get("maxSurge");
    auto unavailable = read_int_or_percent(unavailable_node, "25%");  // both default to 25%
    auto surge = read_int_or_percent(surge_node, "25%");
    if (!unavailable || !surge) return;  // malformed: schema-violation's job
    Field unavailable_at{unavailable_node ? unavailable_node : rolling, "spec.strategy.rollingUpdate.maxUnavailable"};
    // API validation compares the values as written, not resolved: 0 and 0% alike.
    if (unavailable->number == 0 && surge->number == 0) {
      out.report(r, unavailable_at,
                 "maxUnavailable and maxSurge are both 0: the API server rejects the Deployment (one of them must "
                 "let the rollout replace a pod)");
      return;
    }
    Node replicas_node = spec.get("replicas");
    std::int64_t replicas = replicas_node ? replicas_node.as_int().value_or(1) : 1;
    if (replicas <= 0) return;  // scaled to zero: nothing to keep available
    std::int64_t unavailable_pods = resolve(*unavailable, replicas, false);
    if (unavailable_pods == 0 && resolve(*surge, replicas, true) == 0) {
      // Both rounded down to 0: the controller takes 1 pod down rather than stall.
      if (replicas == 1) {
        out.report_at_most(r, unavailable_at,
                           "maxUnavailable " + std::string(unavailable_node.text()) +
                               " of 1 replica rounds down to 0 and maxSurge is 0, so the Deployment controller uses "
                               "maxUnavailable 1: each update stops the only pod before its replacement is ready",
                           Severity::Warning);
      }
      return;
    }
    if (unavailable_pods >= replicas) {
      Field at = unavailable_node ? unavailable_at : Field{replicas_node ? replicas_node : r.root, "spec.replicas"};
      // maxUnavailable 0 keeps every ready pod while maxSurge (not 0 here) brings new ones up first.
      if (unavailable_node && surge->number != 0) at.fix = FieldFix{{}, "0"};
      out.report_at_most(r, at,
                         "maxUnavailable resolves to " + std::to_string(unavailable_pods) + " of " +
                             replicas_text(replicas) + ": an update can take every ready pod down at once",
                         Severity::Warning);
    }
  }
};

}  // namespace

RuleDefinition rollout_causes_downtime_rule() {
  return define<RolloutCausesDowntime>(RuleMeta{
      .id = "rollout-causes-downtime",
      .pack = "rollout",
      .severity = Severity::Error,
      .kinds = {"Deployment"},
      .summary = "A Deployment's rolling update must keep some replicas serving.",
      .rationale =
          "API validation (ValidateRollingUpdateDeployment, k8s.io/kubernetes/pkg/apis/apps/validation) rejects "
          "maxUnavailable 0 with maxSurge 0 (0% counts as 0): an error. The Deployment controller then resolves "
          "maxUnavailable (rounding a percentage down) and maxSurge (rounding up) against spec.replicas (1 when "
          "unset; both default to 25%) (ResolveFenceposts, pkg/controller/deployment/util); when both round "
          "down to 0 it uses maxUnavailable 1. When maxUnavailable reaches the replica count, an update may "
          "stop every ready pod before new ones are ready: a warning, since the Deployment runs. The Recreate "
          "strategy stops all pods by design: info, since some workloads (a single-writer database migration) "
          "need it.",
      .remediation =
          "Use RollingUpdate with `maxUnavailable: 0` and `maxSurge: 1` (or 25%), and at least 2 replicas for "
          "services that must stay up.",
      .automatic_fix = "`maxUnavailable: 0` where maxSurge is not 0 (new pods come up before old ones go)."});
}

}  // namespace chartproof::rules
