// invalid-workload-spec: what the per-kind validation of workloads, Jobs, CronJobs,
// PodDisruptionBudgets and HorizontalPodAutoscalers adds to the schema: non-negative counts, a
// Job's restartPolicy, minAvailable xor maxUnavailable, minReplicas <= maxReplicas.
#include <array>

#include "rules/int_or_percent.hpp"
#include "rules/validation/cron_schedule.hpp"
#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

struct NonNegative {
  std::string_view kind;
  std::string_view path;
};
// ValidateNonnegativeField calls of the apps and batch validation, by kind.
constexpr std::array<NonNegative, 17> kNonNegative = {{
    {"Deployment", "spec.replicas"},
    {"Deployment", "spec.minReadySeconds"},
    {"Deployment", "spec.revisionHistoryLimit"},
    {"StatefulSet", "spec.replicas"},
    {"StatefulSet", "spec.minReadySeconds"},
    {"ReplicaSet", "spec.replicas"},
    {"ReplicaSet", "spec.minReadySeconds"},
    {"DaemonSet", "spec.minReadySeconds"},
    {"DaemonSet", "spec.revisionHistoryLimit"},
    {"Job", "spec.parallelism"},
    {"Job", "spec.completions"},
    {"Job", "spec.backoffLimit"},
    {"Job", "spec.activeDeadlineSeconds"},
    {"Job", "spec.ttlSecondsAfterFinished"},
    {"CronJob", "spec.startingDeadlineSeconds"},
    {"CronJob", "spec.successfulJobsHistoryLimit"},
    {"CronJob", "spec.failedJobsHistoryLimit"},
}};

// An intOrString of a PodDisruptionBudget: a non-negative count, or a percentage up to 100%.
std::string int_or_percent_error(Node v) {
  auto read = read_int_or_percent(v);
  if (!read) return "a valid percent string must be a numeric string followed by an ending '%'";
  if (!read->percent) return read->number < 0 ? "must be greater than or equal to 0" : "";
  return read->number > 100 ? "must not be greater than 100%" : "";
}

class InvalidWorkloadSpec : public Rule {
 public:
  explicit InvalidWorkloadSpec(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    std::string_view kind = r.ref.kind;
    for (const auto& f : kNonNegative) {
      if (f.kind != kind) continue;
      Node v = r.root.at_path(f.path);
      if (auto n = v.as_int(); n && *n < 0) {
        out.report(r, Field{v, std::string(f.path)},
                   std::string(f.path) + " is " + std::to_string(*n) + ": must be greater than or equal to 0");
      }
    }
    if (r.pod && kind != "Pod") check_restart_policy(r, out);
    if (kind == "Deployment") check_deployment(r, out);
    if (kind == "StatefulSet") {
      Node strategy = r.root.at_path("spec.updateStrategy");
      if (strategy.get_text("type") == "OnDelete" && strategy.get("rollingUpdate").is_map()) {
        out.report(r, Field{strategy.get("rollingUpdate"), "spec.updateStrategy.rollingUpdate"},
                   "rollingUpdate is only allowed for updateStrategy 'RollingUpdate'");
      }
    }
    if (kind == "CronJob") {
      Node schedule = r.root.at_path("spec.schedule");
      if (schedule.is_scalar() && !schedule.is_null()) {
        if (auto e = cron_schedule_error(schedule.text())) {
          out.report(r, Field{schedule, "spec.schedule"},
                     "schedule " + shown_value(schedule.text()) + " is invalid: " + *e);
        }
      }
    }
    if (r.pod) check_spread(r, out);
    if (kind == "PodDisruptionBudget") check_pdb(r, out);
    if (kind == "HorizontalPodAutoscaler") check_hpa(r, out);
  }

 private:
  static void check_restart_policy(const Resource& r, Reporter& out) {
    Node policy = r.pod->spec.node.get("restartPolicy");
    std::string_view value = policy.is_scalar() && !policy.is_null() ? policy.text() : "Always";  // the default
    std::string at = r.pod->spec.path + ".restartPolicy";
    if (r.pod->run_to_completion) {
      if (value != "OnFailure" && value != "Never") {
        out.report(r, Field{policy ? policy : r.pod->spec.node, at},
                   "restartPolicy " + shown_value(value) + (policy ? "" : " (the default)") + " of " + r.describe() +
                       "'s pod template: Unsupported value; supported values: \"OnFailure\", \"Never\"");
      }
    } else if (policy && value != "Always") {
      out.report(r, Field{policy, at},
                 "restartPolicy " + shown_value(value) + " of " + r.describe() +
                     "'s pod template: Unsupported value; supported values: \"Always\"");
    }
  }

  static void check_deployment(const Resource& r, Reporter& out) {
    Node spec = r.root.get("spec");
    Node strategy = spec.get("strategy");
    if (strategy.get_text("type") == "Recreate" && strategy.get("rollingUpdate").is_map()) {
      out.report(r, Field{strategy.get("rollingUpdate"), "spec.strategy.rollingUpdate"},
                 "rollingUpdate may not be specified when strategy `type` is 'Recreate'");
    }
    Node deadline = spec.get("progressDeadlineSeconds");
    auto d = deadline.as_int();
    auto ready = spec.get("minReadySeconds").as_int().value_or(0);
    if (d && *d > 0 && *d <= ready) {
      out.report(r, Field{deadline, "spec.progressDeadlineSeconds"},
                 "progressDeadlineSeconds " + std::to_string(*d) + " must be greater than minReadySeconds (" +
                     std::to_string(ready) + ")");
    } else if (d && *d <= 0) {
      out.report(r, Field{deadline, "spec.progressDeadlineSeconds"},
                 "progressDeadlineSeconds " + std::to_string(*d) + ": must be greater than zero");
    }
  }

  static void check_spread(const Resource& r, Reporter& out) {
    Node list = r.pod->spec.node.get("topologySpreadConstraints");
    for (std::size_t i = 0; list.is_seq() && i < list.size(); ++i) {
      Node skew = list.item(i).get("maxSkew");
      if (auto v = skew.as_int(); v && *v < 1) {
        out.report(r, Field{skew, r.pod->spec.path + ".topologySpreadConstraints[" + std::to_string(i) + "].maxSkew"},
                   "maxSkew " + std::to_string(*v) + ": must be greater than zero");
      }
    }
  }

  static void check_pdb(const Resource& r, Reporter& out) {
    Node spec = r.root.get("spec");
    Node min = spec.get("minAvailable"), max = spec.get("maxUnavailable");
    if (min && !min.is_null() && max && !max.is_null()) {
      out.report(r, Field{max, "spec.maxUnavailable"}, "minAvailable and maxUnavailable cannot be both set");
    }
    for (auto [node, name] : {std::pair{min, "minAvailable"}, std::pair{max, "maxUnavailable"}}) {
      if (!node.is_scalar() || node.is_null()) continue;
      if (std::string e = int_or_percent_error(node); !e.empty()) {
        out.report(r, Field{node, std::string("spec.") + name},
                   std::string(name) + " " + shown_value(node.text()) + ": " + e);
      }
    }
  }

  static void check_hpa(const Resource& r, Reporter& out) {
    Node spec = r.root.get("spec");
    Node min = spec.get("minReplicas"), max = spec.get("maxReplicas");
    auto lo = min.as_int(), hi = max.as_int();
    if (lo && *lo < 1) {
      out.report(r, Field{min, "spec.minReplicas"},
                 "minReplicas is " + std::to_string(*lo) + ": must be greater than or equal to 1");
    }
    if (hi && *hi < 1) {
      out.report(r, Field{max, "spec.maxReplicas"},
                 "maxReplicas is " + std::to_string(*hi) + ": must be greater than 0");
    } else if (hi && *hi < lo.value_or(1)) {
      out.report(r, Field{max, "spec.maxReplicas"},
                 "maxReplicas " + std::to_string(*hi) + " is less than minReplicas " + std::to_string(lo.value_or(1)) +
                     ": must be greater than or equal to `minReplicas`");
    }
  }
};

}  // namespace

RuleDefinition invalid_workload_spec_rule() {
  return define<InvalidWorkloadSpec>(RuleMeta{
      .id = "invalid-workload-spec",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
                "CronJob", "PodDisruptionBudget", "HorizontalPodAutoscaler"},
      .summary =
          "Workload counts must not be negative, Jobs must not restart Always, PDBs and HPAs must be consistent.",
      .rationale =
          "The per-kind validation adds rules the schema cannot state (pkg/apis/apps/validation, "
          "pkg/apis/batch/validation, pkg/apis/policy/validation, pkg/apis/autoscaling/validation): replicas, "
          "minReadySeconds, revisionHistoryLimit, a Job's parallelism, completions, backoffLimit and deadlines, and a "
          "CronJob's history limits are non-negative (ValidateNonnegativeField); a Job's pod template needs "
          "restartPolicy OnFailure or Never, and the pod default, Always, is refused; a controller's pod template "
          "may only use Always; a PodDisruptionBudget sets minAvailable or maxUnavailable, not both, each a "
          "non-negative count or a percentage up to 100%; an HPA needs minReplicas >= 1 and maxReplicas >= "
          "minReplicas. A CronJob's schedule must parse as five cron fields or an @-descriptor, without a time "
          "zone (cron.ParseStandard in ValidateCronJobSpec; use spec.timeZone); a Recreate Deployment may not "
          "set rollingUpdate, and its progressDeadlineSeconds must exceed minReadySeconds; an OnDelete "
          "StatefulSet may not set rollingUpdate; a topology spread constraint's maxSkew is at least 1.",
      .remediation = "Set `restartPolicy: Never` (or OnFailure) in Job templates; keep one of minAvailable and "
                     "maxUnavailable; make maxReplicas at least minReplicas."});
}

}  // namespace chartproof::rules
