// removed-api-version: an apiVersion the target Kubernetes version no longer serves.
#include "rules/schema/schema_rule.hpp"

namespace chartproof::rules {
namespace {

class RemovedApiVersion : public Rule {
 public:
  explicit RemovedApiVersion(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const Schemas& schemas = schemas_of(ctx);
    const kubeschema::Lifecycle* life = kubeschema::lifecycle(r.ref.api_version, r.ref.kind);
    if (!life || life->removed_in.empty() || kubeschema::compare_versions(life->removed_in, schemas.version()) > 0)
      return;
    Field at{r.root.get("apiVersion"), "apiVersion"};
    // The replacement API; where the object's fields do not carry over, verifying the fix refuses it.
    if (!life->replacement.empty()) at.fix = FieldFix{{}, life->replacement};
    out.report(r, at,
               r.ref.api_version + " " + r.ref.kind + " is not served since Kubernetes " + life->removed_in +
                   " (target " + schemas.version() + ")" +
                   (life->replacement.empty() ? "; it has no replacement API" : "; use " + life->replacement));
  }
};

}  // namespace

RuleDefinition removed_api_version_rule() {
  return define_schema_rule<RemovedApiVersion>(RuleMeta{
      .id = "removed-api-version",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "An apiVersion must still be served by the target Kubernetes version.",
      .rationale =
          "Kubernetes removes beta APIs on a schedule (extensions/v1beta1 Deployment in 1.16, policy/v1beta1 "
          "PodDisruptionBudget in 1.25, autoscaling/v2beta2 in 1.26, ...); `helm install` then fails with \"no "
          "matches for kind\", and a release made before the upgrade cannot be upgraded. The removal version and "
          "the replacement come from the API lifecycle table bundled with the schemas; the target is "
          "--kube-version (default: the newest bundled version).",
      .remediation = "Change apiVersion to the replacement named in the message and adapt the fields it changed (e.g. "
                     "Ingress backends, `selector` now required on Deployments).",
      .automatic_fix =
          "the replacement apiVersion, kept only where the object's fields carry over (verification lints it again)."});
}

}  // namespace chartproof::rules
