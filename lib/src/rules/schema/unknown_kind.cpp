// unknown-kind: an apiVersion/kind with no schema to check it against.
#include "rules/schema/schema_rule.hpp"

namespace chartproof::rules {
namespace {

class UnknownKind : public Rule {
 public:
  explicit UnknownKind(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const Schemas& schemas = schemas_of(ctx);
    if (r.ref.api_version.empty() || r.ref.kind.empty()) return;  // invalid-resource's
    kubeschema::SchemaFor schema = schemas.schema_for(r);
    if (schema.custom && schema.custom->refused()) {
      // Once per kind, at its first object: the CRD's own finding (invalid-crd-schema) is the error.
      for (const Resource* other : ctx.graph.all_of_kind(r.ref.kind)) {
        if (other->ref.api_version != r.ref.api_version) continue;
        if (other != &r) return;
        break;
      }
      out.report(r, Field{r.root.get("kind"), "kind"},
                 "objects of " + r.ref.api_version + " " + r.ref.kind +
                     " are not validated: " + schema.custom->origin() + ": " + schema.custom->problem());
      return;
    }
    if (schema) return;
    const kubeschema::Lifecycle* life = kubeschema::lifecycle(r.ref.api_version, r.ref.kind);
    if (life && !life->removed_in.empty() && kubeschema::compare_versions(life->removed_in, schemas.version()) <= 0)
      return;
    out.report(r, Field{r.root.get("kind"), "kind"},
               "no schema for " + r.ref.api_version + " " + r.ref.kind + " in Kubernetes " + schemas.version() +
                   " and no CustomResourceDefinition for it in the input or --schema-dir; it is not validated");
  }
};

}  // namespace

RuleDefinition unknown_kind_rule() {
  return define_schema_rule<UnknownKind>(RuleMeta{
      .id = "unknown-kind",
      .pack = "schema",
      .severity = Severity::Info,
      .summary = "Every kind should have a schema: built in, or a CRD in the input or --schema-dir.",
      .rationale = "A custom resource whose CustomResourceDefinition is installed separately (an operator's) cannot be "
                   "validated, and a kind the target version does not serve (a typo in apiVersion, an API added in a "
                   "later release) fails at install time. chartproof says which objects it could not check instead of "
                   "passing them silently.",
      .remediation =
          "Render CRDs with the chart (helm --include-crds, or CRDs kept in templates/), or point --schema-dir at "
          "the operator's CRD files; check apiVersion and kind for typos."});
}

}  // namespace chartproof::rules
