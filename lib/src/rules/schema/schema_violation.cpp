// schema-violation: a field of the wrong type, a missing required field, a value outside an enum —
// checked against the target Kubernetes version's API schema (or the CRD of a custom kind).
#include "rules/schema/schema_rule.hpp"

namespace chartproof::rules {
namespace {

class SchemaViolation : public Rule {
 public:
  explicit SchemaViolation(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const Schemas& schemas = schemas_of(ctx);
    kubeschema::SchemaFor schema = schemas.schema_for(r);
    std::vector<jsonschema::Violation> violations;
    const kubeschema::Shape* root = nullptr;
    if (schema.builtin) {
      violations = schema.builtin->validate(schema.gvk, r.root);
      root = schema.builtin->shape(schema.gvk);
    } else if (schema.custom && schema.custom->validator()) {
      violations = schema.custom->validator()->validate(r.root, /*skip_null_members=*/true);
      root = schema.custom->root();
    }
    std::string against = schema.builtin  ? "Kubernetes " + schemas.version() + " " + schema.gvk
                          : schema.custom ? schema.custom->origin()
                                          : "";
    for (const auto& v : violations) {
      std::string message = v.message;
      // The schema at the same path says what was expected.
      const kubeschema::Shape* at = root ? kubeschema::shape_at(root, v.path) : nullptr;
      if (message.rfind("wrong type", 0) == 0) {
        std::string got(node_type_name(v.node.type()));
        std::string value = v.node.is_scalar() ? " " + in_quotes(v.node.text()) : "";
        message = at && !at->types.empty() ? "expected " + join_phrases(at->types, "or") + ", got " + got + value
                                           : "wrong type: " + got + value + " is not allowed here";
      } else if (at && !at->allowed.empty() && message.find("is not one of the allowed values") != std::string::npos) {
        message += ": " + join_phrases(at->allowed, "or");
      }
      out.report(r, Field{v.node, v.path}, (v.path.empty() ? "" : v.path + ": ") + message + " (" + against + ")");
    }
  }
};

}  // namespace

RuleDefinition schema_violation_rule() {
  return define_schema_rule<SchemaViolation>(RuleMeta{
      .id = "schema-violation",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "Every resource must match the Kubernetes API schema of the version it is deployed to.",
      .rationale =
          "The API server rejects an object whose fields have the wrong type (`replicas: \"2\"`, `containerPort: "
          "http`, an env `value: 8080` that must be a string), that lacks a required field (a container without "
          "`name`, a Deployment without `selector`), or whose value is not allowed — at `helm install` time, for the "
          "whole release. chartproof validates each resource against the OpenAPI schema of the target Kubernetes "
          "version (--kube-version, default the newest bundled: 1.28 to 1.36 are compiled in), or against the "
          "openAPIV3Schema of the CustomResourceDefinition of a custom kind found in the input or --schema-dir. "
          "Fields set to null count as unset, as they do for the API server (`creationTimestamp: null`); ports, "
          "maxSurge and other int-or-string fields take either; quantities take numbers or strings. Unknown "
          "fields are unknown-field's, with a suggestion.",
      .remediation = "Fix the field at the reported path: quote numbers that must be strings (`value: \"8080\"`), use "
                     "numbers where the API wants integers, add the missing field."});
}

}  // namespace chartproof::rules
