#include "rules/custom/custom_rule.hpp"

#include <rapidjson/document.h>
#include <re2/re2.h>

#include "cel/eval.hpp"
#include "cel/parser.hpp"
#include "jsonschema/json_schema.hpp"
#include "model/cel_values.hpp"
#include "model/scope_matcher.hpp"
#include "rules/rule_support.hpp"
#include "rules/target_version.hpp"

namespace chartproof::rules {
namespace {

struct CompiledCheck {
  FieldCheck check;
  std::shared_ptr<RE2> pattern;  // null when the check is about presence only
};

// What a custom rule inspects: the resource, its pod spec, or each of its containers.
struct Target {
  Node node;
  std::string path;
  std::string subject;  // for messages: `Deployment "ns/web"`, `container "web"`
};

std::string fill_message(std::string message, std::string_view field, std::string_view value) {
  for (auto [key, with] :
       {std::pair{std::string_view("{field}"), field}, std::pair{std::string_view("{value}"), value}}) {
    for (std::size_t p = message.find(key); p != std::string::npos; p = message.find(key, p + with.size())) {
      message.replace(p, key.size(), with);
    }
  }
  return message;
}

std::string join_path(const std::string& base, std::string_view field) {
  return base.empty() ? std::string(field) : base + "." + std::string(field);
}

// A custom rule's CEL: the expression and its message expression, parsed once per policy.
struct CompiledCel {
  std::shared_ptr<const cel::ParseResult> rule, message;
};

class CustomRule : public Rule {
 public:
  CustomRule(const CustomRuleSpec& spec, std::vector<CompiledCheck> require, std::vector<CompiledCheck> forbid,
             std::shared_ptr<const jsonschema::Schema> schema, CompiledCel cel)
      : spec_(spec),
        scope_(spec.scope),
        require_(std::move(require)),
        forbid_(std::move(forbid)),
        schema_(std::move(schema)),
        cel_(std::move(cel)) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    if (!scope_.matches(r)) return;
    for (const Target& t : targets(r)) {
      for (const auto& c : require_) {
        Node value = t.node.at_path(c.check.field);
        std::string path = join_path(t.path, c.check.field);
        if (!value || value.is_null()) {
          report(out, r, Field{t.node, path}, c, "", t.subject + " has no " + c.check.field);
        } else if (c.pattern && (!value.is_scalar() || !RE2::PartialMatch(value.text(), *c.pattern))) {
          report(out, r, Field{value, path}, c, value.text(),
                 t.subject + " " + c.check.field + " is " + shown(value) + ", which does not match " + c.check.pattern);
        }
      }
      for (const auto& c : forbid_) {
        Node value = t.node.at_path(c.check.field);
        if (!value || value.is_null()) continue;
        std::string path = join_path(t.path, c.check.field);
        if (!c.pattern) {
          report(out, r, Field{value, path}, c, value.text(),
                 t.subject + " sets " + c.check.field + ", which is forbidden");
        } else if (value.is_scalar() && RE2::PartialMatch(value.text(), *c.pattern)) {
          report(out, r, Field{value, path}, c, value.text(),
                 t.subject + " " + c.check.field + " is " + shown(value) + ", which is forbidden (" + c.check.pattern +
                     ")");
        }
      }
      if (cel_.rule) check_cel(r, t, ctx, out);
      if (schema_) {
        for (const auto& v : schema_->validate(t.node)) {
          std::string path = t.path;
          if (!v.path.empty()) path = v.path.front() == '[' ? path + v.path : join_path(path, v.path);
          out.report(r, Field{v.node, path},
                     t.subject + ": " + v.message + (v.path.empty() ? "" : " (" + v.path + ")"));
        }
      }
    }
  }

 private:
  // `cel`: false is a finding with the rule's message; an error too (the rule could not decide, as
  // a ValidatingAdmissionPolicy with failurePolicy Fail denies), saying which error.
  void check_cel(const Resource& r, const Target& t, const RuleContext& ctx, Reporter& out) const {
    const cel::Bindings bindings{{"self", to_cel(t.node)}, {"object", to_cel(r.root)}};
    const cel::EvalOptions options{.kube_minor = target_kube_minor(ctx.options)};
    cel::EvalResult result = cel::evaluate(*cel_.rule->expr, bindings, options);
    const Field at{t.node, t.path.empty() ? std::string("(object)") : t.path};
    if (auto b = result.value.as<bool>(); b && *b) return;
    if (auto e = result.value.as<cel::Error>()) {
      out.report(r, at, t.subject + ": `" + spec_.cel + "` could not be evaluated: " + e->message);
      return;
    }
    if (!result.value.as<bool>()) {
      out.report(r, at, t.subject + ": `" + spec_.cel + "` gave " + cel::to_literal(result.value) + ", not a bool");
      return;
    }
    std::string message = spec_.message.empty() ? "failed rule: " + spec_.cel : spec_.message;
    if (cel_.message) {
      cel::EvalResult m = cel::evaluate(*cel_.message->expr, bindings, options);
      if (auto s = m.value.as<std::string>(); s && !s->empty()) message = *s;
    }
    out.report(r, at, t.subject + ": " + message);
  }

  static std::string shown(Node value) {
    return value.is_scalar() ? "\"" + std::string(value.text()) + "\""
                             : "a " + std::string(node_type_name(value.type()));
  }

  void report(Reporter& out, const Resource& r, const Field& at, const CompiledCheck& c, std::string_view value,
              std::string fallback) const {
    out.report(r, at,
               c.check.message.empty() ? std::move(fallback) : fill_message(c.check.message, c.check.field, value));
  }

  std::vector<Target> targets(const Resource& r) const {
    std::vector<Target> out;
    if (spec_.target == "resource") {
      out.push_back(Target{r.root, "", r.describe()});
    } else if (r.pod && spec_.target == "podSpec") {
      out.push_back(Target{r.pod->spec.node, r.pod->spec.path, "pod spec of " + r.describe()});
    } else if (r.pod && spec_.target == "container") {
      for (const Container& c : r.pod->containers) out.push_back(Target{c.node, c.path, c.describe()});
    }
    return out;
  }

  CustomRuleSpec spec_;
  ScopeMatcher scope_;
  std::vector<CompiledCheck> require_;
  std::vector<CompiledCheck> forbid_;
  std::shared_ptr<const jsonschema::Schema> schema_;
  CompiledCel cel_;
};

Expected<std::vector<CompiledCheck>> compile_checks(const CustomRuleSpec& spec, const std::vector<FieldCheck>& checks) {
  std::vector<CompiledCheck> out;
  for (const auto& c : checks) {
    std::shared_ptr<RE2> re;
    if (!c.pattern.empty()) {
      re = std::make_shared<RE2>(c.pattern, RE2::Quiet);
      if (!re->ok())
        return Error{spec.file, spec.line, spec.column, "pattern " + c.pattern + " is not valid RE2: " + re->error()};
    }
    out.push_back(CompiledCheck{c, re});
  }
  return out;
}

}  // namespace

Expected<RuleDefinition> make_custom_rule_definition(const CustomRuleSpec& spec) {
  auto require = compile_checks(spec, spec.require);
  if (!require) return require.error();
  auto forbid = compile_checks(spec, spec.forbid);
  if (!forbid) return forbid.error();
  std::shared_ptr<const jsonschema::Schema> schema;
  if (!spec.schema_json.empty()) {
    rapidjson::Document json;
    json.Parse(spec.schema_json.c_str());
    auto compiled = jsonschema::Schema::compile(std::move(json), spec.file);
    if (!compiled) return Error{spec.file, spec.line, spec.column, compiled.error().message};
    schema = std::make_shared<const jsonschema::Schema>(std::move(compiled.value()));
  }
  CompiledCel cel;
  for (auto [source, target] : {std::pair{&spec.cel, &cel.rule}, std::pair{&spec.message_expression, &cel.message}}) {
    if (source->empty()) continue;
    auto parsed = std::make_shared<const cel::ParseResult>(cel::parse(*source));
    if (!parsed->expr) return Error{spec.file, spec.line, spec.column, "cel: " + parsed->error};
    *target = std::move(parsed);
  }
  RuleMeta meta{.id = spec.id,
                .pack = spec.pack,
                .severity = spec.severity,
                .kinds = spec.kinds,
                .summary = spec.summary,
                .rationale = spec.rationale.empty() ? "Declared in " + spec.file + "." : spec.rationale,
                .remediation = spec.remediation.empty() ? spec.summary : spec.remediation};
  auto req = std::make_shared<std::vector<CompiledCheck>>(std::move(require.value()));
  auto forb = std::make_shared<std::vector<CompiledCheck>>(std::move(forbid.value()));
  return RuleDefinition{std::move(meta), [spec, req, forb, schema, cel](const Params&) -> std::unique_ptr<Rule> {
                          return std::make_unique<CustomRule>(spec, *req, *forb, schema, cel);
                        }};
}

}  // namespace chartproof::rules
