// invalid-crd-schema: a CustomResourceDefinition whose openAPIV3Schema uses a JSON Schema keyword
// the API server forbids in a structural schema ($ref, definitions, patternProperties, ...).
#include "kubeschema/crd_schema.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class InvalidCrdSchema : public Rule {
 public:
  explicit InvalidCrdSchema(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node spec = r.root.get("spec");
    auto check_schema = [&](Node schema, const std::string& path) {
      for (const auto& p : kubeschema::crd_schema_problems(schema)) {
        std::string at = p.path.empty() ? path : path + "." + p.path;
        out.report(r, Field{p.key, at},
                   at + ": Forbidden: " + p.message + "; the API server refuses the CustomResourceDefinition");
      }
    };
    // apiextensions.k8s.io/v1beta1 has one schema for every version; v1 has one per version.
    check_schema(spec.get("validation").get("openAPIV3Schema"), "spec.validation.openAPIV3Schema");
    Node versions = spec.get("versions");
    for (std::size_t i = 0; i < versions.size() && versions.is_seq(); ++i) {
      check_schema(versions.item(i).get("schema").get("openAPIV3Schema"),
                   "spec.versions[" + std::to_string(i) + "].schema.openAPIV3Schema");
    }
  }
};

}  // namespace

RuleDefinition invalid_crd_schema_rule() {
  RuleMeta meta{
      .id = "invalid-crd-schema",
      .pack = "schema",
      .severity = Severity::Error,
      .kinds = {"CustomResourceDefinition"},
      .summary =
          "A CRD's openAPIV3Schema may not use $ref, definitions, dependencies, patternProperties, "
          "additionalItems, id, type: null or an items array.",
      .rationale =
          "Custom resources are validated against structural schemas: every field's type is written out where it "
          "is, so the API server can prune, default and check objects without resolving anything. Its CRD "
          "validation (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go, "
          "specStandardValidatorV3.validate) refuses `$ref`, `definitions`, `dependencies`, `patternProperties`, "
          "`additionalItems`, `id`, `type: null` and `items` given as an array, at any depth, with `Forbidden: $ref "
          "is not supported` and the like: `helm install` fails on the CustomResourceDefinition, and every object "
          "of its kind with it. chartproof reports each at its key, and validates no object against such a schema "
          "(a `$ref` that refers to itself would make a validator recurse without end); unknown-kind says once per "
          "kind that its objects were not validated.",
      .remediation =
          "Write the referenced schema out in place (controller-gen and kubebuilder do), use "
          "`additionalProperties` for maps instead of `patternProperties`, and `nullable: true` instead of "
          "`type: null`."};
  return define<InvalidCrdSchema>(std::move(meta));
}

}  // namespace chartproof::rules
