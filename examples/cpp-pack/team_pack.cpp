// The team's rules. Each is a RuleDefinition: metadata (what `chartproof rules`, docs and every
// output format show) and `make`, which builds the check from the parameters a policy resolved.
#include "team_pack.hpp"

#include <string>

namespace team {
namespace {

using chartproof::Container;
using chartproof::Field;
using chartproof::Params;
using chartproof::Reporter;
using chartproof::Resource;
using chartproof::RuleContext;

// Per resource: every container image comes from the team's registry.
class ImageFromTeamRegistry : public chartproof::Rule {
 public:
  explicit ImageFromTeamRegistry(const Params& p) : registry_(p.get_string("registry")) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (!r.pod) return;
    for (const Container& c : r.pod->containers) {
      chartproof::Node image = c.node.get("image");
      if (!image || image.text().rfind(registry_, 0) == 0) continue;
      out.report(r, Field{image, c.path + ".image"},
                 c.describe() + " uses image \"" + std::string(image.text()) + "\", not one from " + registry_);
    }
  }

 private:
  std::string registry_;
};

// Cross-object: a Deployment with 2 or more replicas has a PodDisruptionBudget selecting its pods,
// looked up in the run's resource graph (same namespace, selector against the pod template labels).
class ReplicatedDeploymentWithoutPdb : public chartproof::Rule {
 public:
  explicit ReplicatedDeploymentWithoutPdb(const Params& p) : min_replicas_(p.get_int("min_replicas")) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    chartproof::Node replicas = r.root.get("spec").get("replicas");
    if (!replicas || replicas.as_int().value_or(1) < min_replicas_) return;
    for (const Resource* pdb : ctx.graph.of_kind("PodDisruptionBudget", r.ref.namespace_)) {
      auto selector = chartproof::view_pod_selector(*pdb);
      if (selector && !selector->empty() && selector->matches(r.pod->template_labels)) return;
    }
    out.report(r, Field{replicas, "spec.replicas"},
               "Deployment runs " + std::string(replicas.text()) +
                   " replicas but no PodDisruptionBudget selects its pods: a node drain may evict them all at once");
  }

 private:
  std::int64_t min_replicas_;
};

}  // namespace

chartproof::RulePack team_pack() {
  chartproof::RulePack pack;
  pack.name = "team-web";
  chartproof::RuleMeta registry;
  registry.id = "image-from-team-registry";
  registry.severity = chartproof::Severity::Error;
  registry.kinds = {"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"};
  registry.summary = "Images must come from the team's registry.";
  registry.rationale = "Only the team registry is scanned and mirrored; other registries break air-gapped installs.";
  registry.remediation = "Push the image to the team registry and reference it from there.";
  registry.params = {
      chartproof::ParamSpec{"registry", "image prefix every image must start with", std::string("ghcr.io/example/")}};
  pack.rules.push_back(
      chartproof::RuleDefinition{registry, [](const Params& p) { return std::make_unique<ImageFromTeamRegistry>(p); }});

  chartproof::RuleMeta pdb;
  pdb.id = "replicated-deployment-without-pdb";
  pdb.severity = chartproof::Severity::Warning;
  pdb.kinds = {"Deployment"};
  pdb.summary = "A replicated Deployment should have a PodDisruptionBudget.";
  pdb.rationale = "Without a PDB, a node drain or cluster upgrade may evict every replica at the same time.";
  pdb.remediation = "Add a policy/v1 PodDisruptionBudget with `maxUnavailable: 1` selecting the pods.";
  pdb.params = {chartproof::ParamSpec{"min_replicas", "replica count from which a PDB is expected", std::int64_t{2}}};
  pack.rules.push_back(chartproof::RuleDefinition{
      pdb, [](const Params& p) { return std::make_unique<ReplicatedDeploymentWithoutPdb>(p); }});

  // A profile the pack brings: usable as --profile team-web or `extends: team-web`.
  pack.profiles["team-web"] =
      "apiVersion: chartproof.io/v1\nkind: Policy\nmetadata: {name: team-web}\nextends: strict\n"
      "rules:\n  replicated-deployment-without-pdb: {severity: error}\n";
  return pack;
}

}  // namespace team
