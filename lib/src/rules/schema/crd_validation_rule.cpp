// crd-validation-rule: a custom resource that breaks a CEL rule (x-kubernetes-validations) of its
// CRD, which the API server enforces on every create.
#include <optional>

#include "cel/eval.hpp"
#include "cel/program_cache.hpp"
#include "rules/schema/crd_cel_values.hpp"
#include "rules/schema/schema_rule.hpp"
#include "rules/target_version.hpp"

namespace chartproof::rules {
namespace {

class CrdValidationRule : public Rule {
 public:
  explicit CrdValidationRule(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (r.ref.kind == "CustomResourceDefinition") return tell_transition_rules(r, ctx, out);
    auto schema = schemas_of(ctx).schema_for(r);
    if (!schema.custom || !schema.custom->from_crd() || schema.custom->refused()) return;
    Node root = schema.custom->source();
    if (!root.is_map()) return;
    const cel::EvalOptions options{.kube_minor = target_kube_minor(ctx.options)};
    walk(r, root, r.root, "", options, out);
  }

 private:
  // Transition rules (oldSelf) judge updates, which a linted manifest is not: said once per CRD whose
  // objects the input holds, at its first transition rule, so a pass does not hide that they did
  // not run.
  static void tell_transition_rules(const Resource& crd, const RuleContext& ctx, Reporter& out) {
    const std::string_view kind = crd.root.get("spec").get("names").get_text("kind");
    if (kind.empty() || ctx.graph.all_of_kind(kind).empty()) return;
    FieldTrail trail;
    std::optional<Field> first;
    std::size_t count = 0;
    find_transition_rules(crd.root, trail, first, count);
    if (!first) return;
    out.report_at_most(crd, *first,
                       std::to_string(count) + " transition rule" + (count == 1 ? "" : "s") +
                           " (oldSelf) of this CRD did not run: they judge updates, and the " + std::string(kind) +
                           " objects of the input are checked as created",
                       Severity::Info);
  }
  // Counts the transition rules below `node` and keeps the first; the path is rendered for that one
  // only (a path per node of a large CRD cost a fifth of linting the corpus sample).
  static void find_transition_rules(Node node, FieldTrail& trail, std::optional<Field>& first, std::size_t& count) {
    if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        trail.push_back(TrailStep{{}, i, true});
        find_transition_rules(node.item(i), trail, first, count);
        trail.pop_back();
      }
      return;
    }
    if (!node.is_map()) return;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string_view key = node.key_at(i).text();
      Node value = node.value_at(i);
      trail.push_back(TrailStep{key});
      if (key == "rule" && value.is_scalar() && value.text().find("oldSelf") != std::string_view::npos) {
        if (!first) first = Field{value, render_trail(trail)};
        ++count;
      }
      find_transition_rules(value, trail, first, count);
      trail.pop_back();
    }
  }

  // The schema node and the object's node at the same place; rules run with `self` bound there.
  void walk(const Resource& r, Node schema, Node value, const std::string& path, const cel::EvalOptions& options,
            Reporter& out) const {
    if (!schema.is_map() || !value) return;
    Node rules = schema.get("x-kubernetes-validations");
    if (rules.is_seq() && rules.size() > 0) {
      const cel::Bindings bindings{{"self", crd_cel_value(value, schema)}};  // built once for the node's rules
      for (std::size_t i = 0; i < rules.size(); ++i) {
        run_rule(r, rules.item(i), schema, value, bindings, path, options, out);
      }
    }
    if (value.is_map()) {
      Node properties = schema.get("properties");
      Node additional = schema.get("additionalProperties");
      for (std::size_t i = 0; i < value.size(); ++i) {
        std::string_view key = value.key_at(i).text();
        if (path.empty() && (key == "apiVersion" || key == "kind" || key == "metadata")) continue;
        Node sub = properties.get(key);
        if (!sub && additional.is_map()) sub = additional;
        if (sub) walk(r, sub, value.value_at(i), append_path_key(path, key), options, out);
      }
    } else if (value.is_seq()) {
      Node items = schema.get("items");
      for (std::size_t i = 0; items.is_map() && i < value.size(); ++i) {
        walk(r, items, value.item(i), path + "[" + std::to_string(i) + "]", options, out);
      }
    }
  }

  void run_rule(const Resource& r, Node rule, Node schema, Node value, const cel::Bindings& bindings,
                const std::string& path, const cel::EvalOptions& options, Reporter& out) const {
    std::string_view source = rule.get_text("rule");
    if (source.empty()) return;
    // Transition rules compare with the stored object: on create there is none, so the API server
    // skips them; so does this rule.
    if (source.find("oldSelf") != std::string_view::npos) return;
    auto parsed = programs_.get(source);
    if (!parsed->expr) return;  // a rule the API server would refuse to compile: not this rule's finding
    cel::EvalResult result = cel::evaluate(*parsed->expr, bindings, options);
    Field at{value, path.empty() ? std::string("(object)") : path};
    if (Node field_path = rule.get("fieldPath"); field_path.is_scalar() && !field_path.text().empty()) {
      std::string_view fp = field_path.text();
      if (fp.starts_with(".")) fp.remove_prefix(1);
      if (Node target = value.at_path(fp))
        at = Field{target, path.empty() ? std::string(fp) : path + "." + std::string(fp)};
    }
    if (auto b = result.value.as<bool>()) {
      if (*b) return;
      std::string message(rule.get_text("message"));
      if (Node expr = rule.get("messageExpression"); expr.is_scalar()) {
        if (auto program = programs_.get(expr.text()); program->expr) {
          cel::EvalResult m = cel::evaluate(*program->expr, bindings, options);
          if (auto s = m.value.as<std::string>()) message = *s;
        }
      }
      if (message.empty()) message = "failed rule: " + std::string(source);
      out.report(r, at,
                 r.ref.kind + " " + at.path + ": " + reason_text(rule.get_text("reason"), schema) + message +
                     " (x-kubernetes-validations of its CRD)");
      return;
    }
    // An error (a function this engine does not have, a missing field the API server would have
    // defaulted): never a guess at the verdict.
    std::string why = result.value.as<cel::Error>() ? result.value.as<cel::Error>()->message : "not a bool";
    out.report_at_most(r, at,
                       "CRD validation rule `" + std::string(source) + "` was not evaluated (" + why +
                           "); the API server runs it on create",
                       Severity::Info);
  }

  // The field error the API server builds for the rule's reason (field.Invalid by default).
  static std::string reason_text(std::string_view reason, Node schema) {
    if (reason == "FieldValueForbidden") return "Forbidden: ";
    if (reason == "FieldValueRequired") return "Required value: ";
    if (reason == "FieldValueDuplicate") return "Duplicate value: ";
    std::string_view type = schema.get_text("type");
    return "Invalid value: \"" + std::string(type.empty() ? "object" : type) + "\": ";
  }

  cel::ProgramCache programs_;  // a CRD's rules run on each of its objects
};

}  // namespace

RuleDefinition crd_validation_rule_rule() {
  return define_schema_rule<CrdValidationRule>(RuleMeta{
      .id = "crd-validation-rule",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "Custom resources must pass the CEL validation rules of their CRD.",
      .rationale =
          "A CRD's schema may carry CEL rules (`x-kubernetes-validations`: rule, message, messageExpression, "
          "fieldPath), and the API server refuses a create that breaks one "
          "(k8s.io/apiextensions-apiserver pkg/apiserver/schema/cel). For every object whose kind has a CRD in "
          "the input or in --schema-dir, chartproof runs each rule with `self` bound at its schema node, with "
          "its own CEL engine (docs/cel.md): a rule that is false is an error at the field, with the rule's "
          "message; a rule the engine cannot evaluate (a function it lacks, a field the API server would "
          "default first) is an info, never a guessed verdict. Transition rules (`oldSelf`) are skipped, as "
          "on create, and an info at the CRD's first one says so once when the input holds its objects.",
      .remediation = "Change the field so the rule holds (its message says how), or the values that set it."});
}

}  // namespace chartproof::rules
