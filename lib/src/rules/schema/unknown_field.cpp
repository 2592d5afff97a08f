// unknown-field: a field the API schema does not define (a typo such as `containerport`), which
// kubectl's strict field validation rejects and older paths silently drop.
#include "rules/schema/schema_rule.hpp"
#include "support/suggest.hpp"

namespace chartproof::rules {
namespace {

class UnknownField : public Rule {
 public:
  explicit UnknownField(const Params&) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (ctx.options.schema_mode == SchemaMode::Lenient) return;  // extra fields allowed
    const Schemas& schemas = schemas_of(ctx);
    kubeschema::SchemaFor schema = schemas.schema_for(r);
    if (schema.builtin) {
      FieldTrail trail;
      walk(schemas, r, r.root, schema.builtin->shape(schema.gvk), trail, false, out);
    } else if (schema.custom && schema.custom->root()) {
      FieldTrail trail;
      walk(schemas, r, r.root, schema.custom->root(), trail, true, out);
    }
  }

 private:
  // "; Kubernetes 1.28 does not have it, 1.36 does" when the newest bundled version defines `key`
  // in the object at `parent`.
  static std::string newer_versions_have(const Schemas& schemas, const Resource& r, const std::string& parent,
                                         std::string_view key) {
    const kubeschema::VersionSchemas& newest = schemas.catalogue().newest();
    if (newest.version() == schemas.version()) return {};
    const kubeschema::Shape* root = newest.shape(kubeschema::gvk_key(r.ref.api_version, r.ref.kind));
    const kubeschema::Shape* at = kubeschema::shape_at(root, parent);
    if (!at || !at->has_property(key)) return {};
    return "; Kubernetes " + schemas.version() + " does not have it, " + newest.version() + " does";
  }

  // `custom_root`: the top of a custom resource, where apiVersion, kind and metadata (ObjectMeta)
  // are the API server's whatever the CRD's schema lists.
  static void walk(const Schemas& schemas, const Resource& r, Node node, const kubeschema::Shape* shape,
                   FieldTrail& trail, bool custom_root, Reporter& out) {
    if (!shape || !node) return;
    if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        trail.push_back(TrailStep{{}, i, true});
        walk(schemas, r, node.item(i), shape->items, trail, false, out);
        trail.pop_back();
      }
      return;
    }
    if (!node.is_map()) return;
    for (std::size_t i = 0; i < node.size(); ++i) {
      std::string_view key = node.key_at(i).text();
      const kubeschema::Shape* next = nullptr;
      if (custom_root && (key == "apiVersion" || key == "kind")) continue;
      if (custom_root && key == "metadata") {
        next = schemas.catalogue().builtin().shape("v1 ConfigMap");
        next = next ? next->property("metadata") : nullptr;
      } else if (shape->has_property(key)) {
        next = shape->property(key);
      } else if (shape->closed) {
        std::string path = render_trail(trail);  // only for a finding
        std::string child = append_path_key(path, key);
        out.report(r, Field{node.key_at(i), child},
                   "unknown field " + in_quotes(key) + (path.empty() ? " at the top level" : " in " + path) +
                       support::did_you_mean(key, shape->names()) + newer_versions_have(schemas, r, path, key));
        continue;
      } else {
        next = shape->additional;
      }
      trail.push_back(TrailStep{key, 0, false});
      walk(schemas, r, node.value_at(i), next, trail, false, out);
      trail.pop_back();
    }
  }
};

}  // namespace

RuleDefinition unknown_field_rule() {
  return define_schema_rule<UnknownField>(RuleMeta{
      .id = "unknown-field",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "Every field must be one the Kubernetes API defines.",
      .rationale =
          "A misspelt or misplaced field (`containerport`, `readinessprobe`, `resources` one level too deep) is "
          "not an error in YAML, and older clients dropped it silently: the container then runs without the "
          "probe or limit the chart meant to set. kubectl (strict field validation, the default since 1.25) and "
          "server-side apply reject it. chartproof reports each field the target version's schema (or the CRD's "
          "structural schema, unless it preserves unknown fields) does not define, at its key, with the closest "
          "valid name. Off with --schema-mode lenient.",
      .remediation = "Rename the field to the suggested one, or move it to where the API defines it."});
}

}  // namespace chartproof::rules
