// deprecated-api-version: an apiVersion the target Kubernetes version still serves but has deprecated.
#include "rules/schema/schema_rule.hpp"

namespace chartproof::rules {
namespace {

class DeprecatedApiVersion : public Rule {
 public:
  explicit DeprecatedApiVersion(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const Schemas& schemas = schemas_of(ctx);
    const kubeschema::Lifecycle* life = kubeschema::lifecycle(r.ref.api_version, r.ref.kind);
    const std::string& target = schemas.version();
    if (!life || life->deprecated_in.empty() || kubeschema::compare_versions(life->deprecated_in, target) > 0) return;
    if (!life->removed_in.empty() && kubeschema::compare_versions(life->removed_in, target) <= 0)
      return;  // removed-api-version
    Field at{r.root.get("apiVersion"), "apiVersion"};
    if (!life->replacement.empty()) at.fix = FieldFix{{}, life->replacement};  // verified, as every fix
    out.report(r, at,
               r.ref.api_version + " " + r.ref.kind + " is deprecated since Kubernetes " + life->deprecated_in +
                   (life->removed_in.empty() ? "" : " and is removed in " + life->removed_in) +
                   (life->replacement.empty() ? "" : "; use " + life->replacement));
  }
};

}  // namespace

RuleDefinition deprecated_api_version_rule() {
  return define_schema_rule<DeprecatedApiVersion>(RuleMeta{
      .id = "deprecated-api-version",
      .pack = "schema",
      .severity = Severity::Warning,
      .summary = "An apiVersion should not be deprecated in the target Kubernetes version.",
      .rationale = "A deprecated API still works but the API server answers every request with a warning and a later "
                   "release removes it (see removed-api-version); moving before the cluster upgrade avoids a release "
                   "that cannot be upgraded. Deprecation and removal versions and the replacement come from the API "
                   "lifecycle table bundled with the schemas (removals scheduled after 1.36 are the generator defaults "
                   "kube-apiserver announces).",
      .remediation = "Move to the replacement apiVersion named in the message.",
      .automatic_fix =
          "the replacement apiVersion, kept only where the object's fields carry over (verification lints it again)."});
}

}  // namespace chartproof::rules
