// rollout-causes-downtime: a Deployment update that can take every ready replica down.
#include <cmath>

#include "rules/rollout/pack.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

// An int-or-percent value resolved against `replicas` as Kubernetes does: maxUnavailable rounds
// down, maxSurge rounds up. nullopt when the value is malformed.
std::optional<std::int64_t> resolve(Node value, std::string_view fallback, std::int64_t replicas, bool round_up) {
  std::string_view text = value ? value.text() : fallback;
  if (value && value.type() == NodeType::Int) return value.as_int();
  if (text.empty() || text.back() != '%') return std::nullopt;
  std::int64_t percent = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    percent = percent * 10 + (c - '0');
  }
  std::int64_t scaled = percent * replicas;
  return round_up ? (scaled + 99) / 100 : scaled / 100;
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
    Node replicas_node = spec.get("replicas");
    std::int64_t replicas = replicas_node ? replicas_node.as_int().value_or(1) : 1;
    if (replicas <= 0) return;  // scaled to zero: nothing to keep available
    Node rolling = strategy.get("rollingUpdate");
    Node unavailable_node = rolling.get("maxUnavailable");
    Node surge_node = rolling.get("maxSurge");
    auto unavailable = resolve(unavailable_node, "25%", replicas, false);
    auto surge = resolve(surge_node, "25%", replicas, true);
    if (!unavailable || !surge) return;
    if (*unavailable == 0 && *surge == 0) {
      out.report(r, Field{unavailable_node ? unavailable_node : rolling, "spec.strategy.rollingUpdate.maxUnavailable"},
                 "maxSurge and maxUnavailable are both 0: the rollout can never make progress");
    } else if (*unavailable >= replicas) {
      Field at = unavailable_node ? Field{unavailable_node, "spec.strategy.rollingUpdate.maxUnavailable"}
                                  : Field{replicas_node ? replicas_node : r.root, "spec.replicas"};
      out.report(r, at,
                 "maxUnavailable resolves to " + std::to_string(*unavailable) + " of " + std::to_string(replicas) +
                     " replica" + (replicas == 1 ? "" : "s") + ": an update can take every ready pod down at once");
    }
  }
};

}  // namespace

RuleDefinition rollout_causes_downtime_rule() {
  return define<RolloutCausesDowntime>(
      RuleMeta{"rollout-causes-downtime",
               "rollout",
               Severity::Warning,
               true,
               {"Deployment"},
               "A Deployment's rolling update must keep some replicas serving.",
               "Kubernetes resolves maxUnavailable (rounding a percentage down) and maxSurge (rounding up) against "
               "spec.replicas (1 when unset; both default to 25%). When maxUnavailable reaches the replica count, the "
               "controller may stop every ready pod before new ones are ready; when both are 0 the API server rejects "
               "the Deployment. The Recreate strategy stops all pods by design: it is reported at info severity, "
               "since some workloads (a single-writer database migration) need it.",
               "Use RollingUpdate with `maxUnavailable: 0` and `maxSurge: 1` (or 25%), and at least 2 replicas for "
               "services that must stay up.",
               {}});
}

}  // namespace chartproof::rules
