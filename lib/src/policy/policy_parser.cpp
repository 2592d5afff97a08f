// Reads one policy document into a Policy, with `file:line:col: what; what is allowed` errors.
#include <rapidjson/document.h>
#include <rapidjson/writer.h>

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "cel/parser.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/rule.hpp"
#include "jsonschema/json_schema.hpp"
#include "policy/builtin_profiles.hpp"
#include "policy/policy_internal.hpp"
#include "support/suggest.hpp"

namespace chartproof {
namespace {

Error error_at(const std::string& file, Node node, std::string message) {
  return Error{file, node.line(), node.column(), std::move(message)};
}

// Checks that `map` only has keys from `allowed`, with a suggestion for a misspelt one.
std::optional<Error> check_keys(const std::string& file, Node map, const std::vector<std::string>& allowed,
                                std::string_view what) {
  for (std::size_t i = 0; i < map.size(); ++i) {
    std::string key(map.key_at(i).text());
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    return error_at(file, map.key_at(i),
                    "unknown field \"" + key + "\" in " + std::string(what) + support::did_you_mean(key, allowed) +
                        "; allowed: " + list);
  }
  return std::nullopt;
}

// Pod Security Admission's version syntax (`latest`, `v1.30`), as its namespace labels take it.
bool is_pod_security_version(std::string_view text) {
  if (text == "latest") return true;
  if (!text.starts_with("v1.") || text.size() < 4) return false;
  return std::all_of(text.begin() + 3, text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Expected<std::vector<std::string>> string_list(const std::string& file, Node node, std::string_view what) {
  std::vector<std::string> out;
  if (node.is_scalar()) {
    out.emplace_back(node.text());
    return out;
  }
  if (!node.is_seq()) return error_at(file, node, std::string(what) + " must be a list of strings");
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (!node.item(i).is_scalar())
      return error_at(file, node.item(i), std::string(what) + " must be a list of strings");
    out.emplace_back(node.item(i).text());
  }
  return out;
}

Expected<Scope> parse_scope(const std::string& file, Node node) {
  Scope scope;
  if (!node.is_map()) return error_at(file, node, "scope must be a mapping; allowed: namespaces, kinds, names, labels");
  if (auto e = check_keys(file, node, {"namespaces", "kinds", "names", "labels"}, "a scope")) return *e;
  for (auto [field, target] : {std::pair{"namespaces", &scope.namespaces}, std::pair{"kinds", &scope.kinds},
                               std::pair{"names", &scope.names}}) {
    Node list = node.get(field);
    if (!list) continue;
    auto values = string_list(file, list, std::string("scope.") + field);
    if (!values) return values.error();
    *target = std::move(values.value());
  }
  for (auto [field, patterns] : {std::pair{"names", &scope.names}, std::pair{"namespaces", &scope.namespaces}}) {
    for (const auto& pattern : *patterns) {
      RE2 re(pattern, RE2::Quiet);
      if (!re.ok()) {
        return error_at(file, node.get(field),
                        std::string("scope.") + field + " pattern \"" + pattern + "\" is not valid RE2: " + re.error());
      }
    }
  }
  Node labels = node.get("labels");
  if (labels) {
    if (!labels.is_map())
      return error_at(file, labels, "scope.labels must be a label selector (matchLabels, matchExpressions)");
    if (auto e = check_keys(file, labels, {"matchLabels", "matchExpressions"}, "a label selector")) return *e;
    Node ml = labels.get("matchLabels");
    for (std::size_t i = 0; i < ml.size(); ++i)
      scope.match_labels.emplace_back(ml.key_at(i).text(), ml.value_at(i).text());
    Node exprs = labels.get("matchExpressions");
    for (std::size_t i = 0; i < exprs.size(); ++i) {
      Node e = exprs.item(i);
      Scope::Requirement req{std::string(e.get_text("key")), std::string(e.get_text("operator")), {}};
      static const std::vector<std::string> kOps = {"In", "NotIn", "Exists", "DoesNotExist"};
      if (std::find(kOps.begin(), kOps.end(), req.op) == kOps.end()) {
        return error_at(file, e.get("operator") ? e.get("operator") : e,
                        "operator \"" + req.op + "\" is not valid; allowed: In, NotIn, Exists, DoesNotExist");
      }
      Node values = e.get("values");
      for (std::size_t j = 0; j < values.size(); ++j) req.values.emplace_back(values.item(j).text());
      scope.match_expressions.push_back(std::move(req));
    }
  }
  return scope;
}

std::optional<ParamValue> to_param(Node value) {
  switch (value.type()) {
    case NodeType::Int:
      if (auto i = value.as_int()) return ParamValue{*i};
      return std::nullopt;
    case NodeType::Bool:
      return ParamValue{*value.as_bool()};
    case NodeType::String:
    case NodeType::Float:
      return ParamValue{std::string(value.text())};
    case NodeType::Sequence: {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value.item(i).is_scalar()) return std::nullopt;
        items.emplace_back(value.item(i).text());
      }
      return ParamValue{std::move(items)};
    }
    default:
      return std::nullopt;
  }
}

// Parameters are checked against the rule's declared parameters here, so that the error points
// at the line that is wrong.
Expected<std::map<std::string, ParamValue>> parse_params(const std::string& file, Node node, const RuleMeta* meta) {
  std::map<std::string, ParamValue> params;
  if (!node.is_map()) return error_at(file, node, "params must be a mapping of parameter names to values");
  for (std::size_t i = 0; i < node.size(); ++i) {
    std::string name(node.key_at(i).text());
    auto value = to_param(node.value_at(i));
    if (!value) {
      return error_at(file, node.value_at(i),
                      "parameter \"" + name + "\" must be an integer, a string, a boolean or a list of strings");
    }
    if (meta) {
      auto declared =
          std::find_if(meta->params.begin(), meta->params.end(), [&](const ParamSpec& p) { return p.name == name; });
      if (declared == meta->params.end()) {
        std::vector<std::string> names;
        std::string list;
        for (const auto& p : meta->params) {
          names.push_back(p.name);
          list += (list.empty() ? "" : ", ") + p.name;
        }
        return error_at(file, node.key_at(i),
                        "rule \"" + meta->id + "\" has no parameter \"" + name + "\"" +
                            support::did_you_mean(name, names) +
                            "; its parameters: " + (list.empty() ? std::string("none") : list));
      }
      // A number for a string parameter keeps its text as written (`cpu: 010`), not the integer's.
      bool number_for_string = declared->default_value.index() == 1 && value->index() == 0;
      if (number_for_string) value = ParamValue{std::string(node.value_at(i).text())};
      if (auto why = accept_param_value(*meta, *declared, *value)) return error_at(file, node.value_at(i), *why);
    }
    params[name] = std::move(*value);
  }
  return params;
}

// One settings mapping: enabled, severity, params, and optionally scope.
Expected<std::pair<RuleSettings, std::optional<Scope>>> parse_settings(const std::string& file, Node node,
                                                                       const RuleMeta* meta) {
  RuleSettings settings;
  std::optional<Scope> scope;
  if (node.is_bool()) {  // `rule-id: false` is shorthand for `enabled: false`
    settings.enabled = *node.as_bool();
    return std::pair{settings, scope};
  }
  if (!node.is_map()) {
    return error_at(file, node,
                    "a rule entry must be true/false, a mapping, or a list of mappings; allowed fields: enabled, "
                    "severity, params, scope");
  }
  if (auto e = check_keys(file, node, {"enabled", "severity", "params", "scope"}, "a rule entry")) return *e;
  if (Node v = node.get("enabled")) {
    if (!v.as_bool()) return error_at(file, v, "enabled must be true or false");
    settings.enabled = *v.as_bool();
  }
  if (Node v = node.get("severity")) {
    auto sev = parse_severity(v.text());
    if (!v.is_string() || !sev)
      return error_at(file, v,
                      "severity \"" + std::string(v.text()) + "\" is not valid; allowed: error, warning, info");
    settings.severity = *sev;
  }
  if (Node v = node.get("params")) {
    auto params = parse_params(file, v, meta);
    if (!params) return params.error();
    settings.params = std::move(params.value());
  }
  if (Node v = node.get("scope")) {
    auto s = parse_scope(file, v);
    if (!s) return s.error();
    scope = std::move(s.value());
  }
  return std::pair{settings, scope};
}

Expected<RuleConfig> parse_rule_entry(const std::string& file, Node node, const RuleMeta* meta) {
  RuleConfig cfg;
  auto apply = [&](Node entry) -> std::optional<Error> {
    auto parsed = parse_settings(file, entry, meta);
    if (!parsed) return parsed.error();
    auto& [settings, scope] = parsed.value();
    if (scope) {
      cfg.scoped.push_back(ScopedRuleSettings{std::move(*scope), std::move(settings)});
    } else {
      if (settings.enabled) cfg.enabled = settings.enabled;
      if (settings.severity) cfg.severity = settings.severity;
      for (auto& [k, v] : settings.params) cfg.params[k] = v;
    }
    return std::nullopt;
  };
  if (node.is_seq()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (auto e = apply(node.item(i))) return *e;
    }
  } else if (auto e = apply(node)) {
    return *e;
  }
  return cfg;
}

Expected<std::vector<FieldCheck>> parse_checks(const std::string& file, Node node, std::string_view what) {
  std::vector<FieldCheck> out;
  if (!node.is_seq()) return error_at(file, node, std::string(what) + " must be a list of {field, pattern, message}");
  for (std::size_t i = 0; i < node.size(); ++i) {
    Node c = node.item(i);
    if (!c.is_map())
      return error_at(file, c, std::string(what) + " entries must be mappings with field, pattern, message");
    if (auto e = check_keys(file, c, {"field", "pattern", "message"}, std::string(what) + " entry")) return *e;
    FieldCheck check{std::string(c.get_text("field")), std::string(c.get_text("pattern")),
                     std::string(c.get_text("message"))};
    if (check.field.empty())
      return error_at(file, c,
                      std::string(what) + " entry needs a field (a path such as image or metadata.labels.team)");
    if (!check.pattern.empty()) {
      RE2 re(check.pattern, RE2::Quiet);
      if (!re.ok()) return error_at(file, c.get("pattern"), "pattern is not valid RE2: " + re.error());
    }
    out.push_back(std::move(check));
  }
  return out;
}

Expected<CustomRuleSpec> parse_custom_rule(const std::string& file, Node node, const RuleCatalogue& catalogue) {
  CustomRuleSpec spec;
  spec.file = file;
  spec.line = node.line();
  spec.column = node.column();
  if (!node.is_map()) return error_at(file, node, "a custom rule must be a mapping with id, summary and checks");
  if (auto e = check_keys(file, node,
                          {"id", "pack", "severity", "summary", "rationale", "remediation", "target", "kinds", "scope",
                           "require", "forbid", "schema", "cel", "message", "messageExpression"},
                          "a custom rule")) {
    return *e;
  }
  spec.id = std::string(node.get_text("id"));
  if (!is_kebab_case(spec.id)) {
    return error_at(file, node.get("id") ? node.get("id") : node,
                    "custom rule id \"" + spec.id + "\" must be kebab-case, e.g. image-from-approved-registry");
  }
  if (const RuleDefinition* taken = catalogue.find(spec.id)) {
    return error_at(file, node.get("id"),
                    "custom rule id \"" + spec.id + "\" is the id of a rule of pack \"" + taken->meta.pack + "\"");
  }
  if (Node v = node.get("pack"); v) spec.pack = std::string(v.text());
  if (Node v = node.get("severity"); v) {
    auto sev = parse_severity(v.text());
    if (!sev)
      return error_at(file, v,
                      "severity \"" + std::string(v.text()) + "\" is not valid; allowed: error, warning, info");
    spec.severity = *sev;
  }
  spec.summary = std::string(node.get_text("summary"));
  if (spec.summary.empty()) return error_at(file, node, "custom rule \"" + spec.id + "\" needs a summary");
  spec.rationale = std::string(node.get_text("rationale"));
  spec.remediation = std::string(node.get_text("remediation"));
  if (Node v = node.get("target"); v) {
    spec.target = std::string(v.text());
    if (spec.target != "resource" && spec.target != "podSpec" && spec.target != "container") {
      return error_at(file, v, "target \"" + spec.target + "\" is not valid; allowed: resource, podSpec, container");
    }
  }
  if (Node v = node.get("kinds"); v) {
    auto kinds = string_list(file, v, "kinds");
    if (!kinds) return kinds.error();
    spec.kinds = std::move(kinds.value());
  }
  if (Node v = node.get("scope"); v) {
    auto scope = parse_scope(file, v);
    if (!scope) return scope.error();
    spec.scope = std::move(scope.value());
  }
  for (auto [field, target] : {std::pair{"require", &spec.require}, std::pair{"forbid", &spec.forbid}}) {
    if (Node v = node.get(field)) {
      auto checks = parse_checks(file, v, field);
      if (!checks) return checks.error();
      *target = std::move(checks.value());
    }
  }
  if (Node v = node.get("schema"); v) {
    if (!v.is_map()) return error_at(file, v, "schema must be a JSON Schema object");
    if (auto compiled = jsonschema::Schema::compile(v, file); !compiled) return compiled.error();
    rapidjson::Document json;
    jsonschema::to_json(v, json, json.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    json.Accept(writer);
    spec.schema_json.assign(buffer.GetString(), buffer.GetSize());
  }
  for (auto [key, target] : {std::pair{"cel", &spec.cel}, std::pair{"messageExpression", &spec.message_expression}}) {
    Node v = node.get(key);
    if (!v) continue;
    if (!v.is_scalar() || v.text().empty()) return error_at(file, v, std::string(key) + " must be a CEL expression");
    // A syntax error is the policy's, located in the file: line and column of the expression's text.
    if (auto parsed = cel::parse(v.text()); !parsed.expr) {
      return error_at(file, v, std::string(key) + ": " + parsed.error);
    }
    *target = std::string(v.text());
  }
  spec.message = std::string(node.get_text("message"));
  if (spec.cel.empty() && (!spec.message.empty() || !spec.message_expression.empty())) {
    return error_at(file, node, "custom rule \"" + spec.id + "\" has a message but no cel expression");
  }
  if (spec.require.empty() && spec.forbid.empty() && spec.schema_json.empty() && spec.cel.empty()) {
    return error_at(file, node,
                    "custom rule \"" + spec.id + "\" checks nothing; give it require, forbid, schema or cel");
  }
  return spec;
}

void add_once(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Said once per policy file whose declared packs the run does not have.
Error missing_packs_note(const std::string& file, Node packs, const std::vector<std::string>& missing,
                         const std::vector<std::string>& skipped) {
  std::string names;
  for (const auto& m : missing) names += (names.empty() ? "\"" : ", \"") + m + "\"";
  std::string rules;
  for (const auto& id : skipped) rules += (rules.empty() ? "" : ", ") + id;
  return Error{file, packs.line(), packs.column(),
               "declares rule pack" + std::string(missing.size() == 1 ? " " : "s ") + names +
                   ", which this run does not load (the console script's --pack MODULE:ATTR or the Python API's "
                   "packs= loads packs; a policy never does): " +
                   (skipped.empty() ? std::string("no rule of this policy needs it")
                                    : "skipped its rules and exemption entries " + rules),
               ErrorKind::Policy};
}

// `skipped`: set when a declared pack is missing; an unknown rule id is then taken to be that
// pack's, recorded there and left out of the exemption instead of being an error.
Expected<Exemption> parse_exemption(const std::string& file, Node node, const std::vector<std::string>& names_and_packs,
                                    std::vector<std::string>* skipped) {
  Exemption ex;
  ex.file = file;
  ex.line = node.line();
  ex.column = node.column();
  if (!node.is_map())
    return error_at(file, node, "an exemption must be a mapping with rules, reason, and optionally scope and expires");
  if (auto e = check_keys(file, node, {"rules", "scope", "reason", "expires"}, "an exemption")) return *e;
  Node rules = node.get("rules");
  if (!rules) return error_at(file, node, "an exemption needs rules (rule ids or pack names)");
  auto list = string_list(file, rules, "rules");
  if (!list) return list.error();
  const std::vector<std::string>& listed = list.value();
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const auto& id = listed[i];
    if (id == "all" || std::find(names_and_packs.begin(), names_and_packs.end(), id) != names_and_packs.end()) {
      ex.rules.push_back(id);
      continue;
    }
    if (skipped) {
      add_once(*skipped, id);
      continue;
    }
    Node at = rules.is_seq() ? rules.item(i) : rules;
    return error_at(file, at,
                    "unknown rule or pack \"" + id + "\"" + support::did_you_mean(id, names_and_packs) +
                        "; `chartproof rules` lists them");
  }
  ex.reason = std::string(node.get_text("reason"));
  if (ex.reason.empty())
    return error_at(file, node, "an exemption needs a reason: say why it is granted, for the next reader");
  if (Node v = node.get("expires"); v) {
    static const RE2 kDate("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");
    ex.expires = std::string(v.text());
    if (!RE2::FullMatch(ex.expires, kDate)) return error_at(file, v, "expires must be a date, YYYY-MM-DD");
  }
  if (Node v = node.get("scope"); v) {
    auto scope = parse_scope(file, v);
    if (!scope) return scope.error();
    ex.scope = std::move(scope.value());
  }
  return ex;
}

const jsonschema::Schema& policy_schema() {
  static const jsonschema::Schema schema =
      jsonschema::Schema::compile_embedded(policy::embedded_policy_schema(), "policies/schema/policy.schema.json");
  return schema;
}

}  // namespace

std::string_view policy_json_schema() { return policy::embedded_policy_schema(); }

Expected<Policy> parse_policy(std::string_view text, const std::string& file, const RuleCatalogue* rules) {
  return parse_policy_with(text, file, {}, catalogue_or_builtin(rules));
}

Expected<Policy> parse_policy_with(std::string_view text, const std::string& file,
                                   const std::vector<std::string>& inherited_custom_ids,
                                   const RuleCatalogue& catalogue) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  for (const auto& issue : issues) return Error{file, issue.line, issue.column, issue.message};
  if (!doc || !doc->root().is_map()) {
    return Error{file, 1, 1, "a policy must be a mapping with apiVersion: chartproof.io/v1 and kind: Policy"};
  }
  Node root = doc->root();
  Policy policy;
  policy.file = file;
  if (auto e = check_keys(file, root,
                          {"apiVersion", "kind", "metadata", "extends", "kubernetes", "packs", "helmTests",
                           "podSecurity", "rules", "exemptions", "customRules"},
                          "a policy"))
    return *e;
  if (root.get_text("apiVersion") != "chartproof.io/v1") {
    return error_at(file, root.get("apiVersion") ? root.get("apiVersion") : root,
                    "apiVersion must be chartproof.io/v1");
  }
  if (root.get_text("kind") != "Policy")
    return error_at(file, root.get("kind") ? root.get("kind") : root, "kind must be Policy");
  policy.name = std::string(root.get("metadata").get_text("name"));
  if (Node extends = root.get("extends"); extends && !extends.is_null()) {
    auto list = string_list(file, extends, "extends");
    if (!list) return list.error();
    policy.extends = std::move(list.value());
  }
  if (Node kube = root.get("kubernetes"); kube && !kube.is_null()) {
    if (!kube.is_map()) return error_at(file, kube, "kubernetes must be a mapping (version, schemaDirs, schemaMode)");
    if (auto e = check_keys(file, kube, {"version", "schemaDirs", "schemaMode"}, "kubernetes")) return *e;
    policy.kubernetes.version = std::string(kube.get_text("version"));
    policy.kubernetes.schema_mode = std::string(kube.get_text("schemaMode"));
    if (Node dirs = kube.get("schemaDirs"); dirs && !dirs.is_null()) {
      auto list = string_list(file, dirs, "schemaDirs");
      if (!list) return list.error();
      std::filesystem::path base = std::filesystem::path(file).parent_path();
      for (const auto& dir : list.value())
        policy.kubernetes.schema_dirs.push_back((base / dir).lexically_normal().string());
    }
  }
  if (Node declared = root.get("packs"); declared && !declared.is_null()) {
    auto list = string_list(file, declared, "packs");
    if (!list) return list.error();
    policy.packs = std::move(list.value());
  }
  if (Node tests = root.get("helmTests"); tests && !tests.is_null()) {
    if (!tests.is_map()) return error_at(file, tests, "helmTests must be a mapping (packs)");
    if (auto e = check_keys(file, tests, {"packs"}, "helmTests")) return *e;
    auto list = string_list(file, tests.get("packs"), "helmTests.packs");
    if (!list) return list.error();
    policy.helm_test_packs = std::move(list.value());
  }
  if (Node pss = root.get("podSecurity"); pss && !pss.is_null()) {
    if (!pss.is_map()) return error_at(file, pss, "podSecurity must be a mapping (version, namespaceLabels)");
    if (auto e = check_keys(file, pss, {"version", "namespaceLabels"}, "podSecurity")) return *e;
    if (Node v = pss.get("version"); v) {
      if (!is_pod_security_version(v.text())) {
        return error_at(file, v,
                        "podSecurity.version \"" + std::string(v.text()) + "\" is not valid; allowed: latest or v1.N");
      }
      policy.pod_security.version = std::string(v.text());
    }
    Node namespaces = pss.get("namespaceLabels");
    if (namespaces && !namespaces.is_map()) {
      return error_at(file, namespaces, "podSecurity.namespaceLabels must map a namespace to its labels");
    }
    for (std::size_t i = 0; namespaces.is_map() && i < namespaces.size(); ++i) {
      Node labels = namespaces.value_at(i);
      if (!labels.is_map()) return error_at(file, labels, "the labels of a namespace must be a mapping of strings");
      auto& into = policy.pod_security.namespace_labels[std::string(namespaces.key_at(i).text())];
      for (std::size_t k = 0; k < labels.size(); ++k) {
        if (!labels.value_at(k).is_scalar())
          return error_at(file, labels.value_at(k), "a label value must be a string");
        into[std::string(labels.key_at(k).text())] = std::string(labels.value_at(k).text());
      }
    }
  }
  // Custom rules first: `rules:` and exemptions may refer to them.
  Node custom = root.get("customRules");
  if (custom && !custom.is_seq()) return error_at(file, custom, "customRules must be a list of rules");
  std::set<std::string> custom_ids(inherited_custom_ids.begin(), inherited_custom_ids.end());
  for (std::size_t i = 0; i < custom.size(); ++i) {
    auto spec = parse_custom_rule(file, custom.item(i), catalogue);
    if (!spec) return spec.error();
    if (std::any_of(policy.custom_rules.begin(), policy.custom_rules.end(),
                    [&](const auto& s) { return s.id == spec->id; })) {
      return error_at(file, custom.item(i).get("id"), "custom rule \"" + spec->id + "\" is defined twice");
    }
    custom_ids.insert(spec->id);
    policy.custom_rules.push_back(std::move(spec.value()));
  }
  std::vector<std::string> known;
  std::set<std::string> packs;
  for (const auto* def : catalogue.rules()) {
    known.push_back(def->meta.id);
    packs.insert(def->meta.pack);
  }
  known.insert(known.end(), custom_ids.begin(), custom_ids.end());
  for (const auto& spec : policy.custom_rules) packs.insert(spec.pack);
  // A declared pack this run does not have: its rules are unknown here, so an unknown id is taken
  // to be one of them and skipped (and named once) instead of failing the run.
  std::vector<std::string> missing;
  for (const auto& pack : policy.packs) {
    if (!packs.count(pack)) add_once(missing, pack);
  }
  std::vector<std::string> skipped;
  Node rules = root.get("rules");
  if (rules && !rules.is_null() && !rules.is_map())
    return error_at(file, rules, "rules must be a mapping of rule ids to settings");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Node key = rules.key_at(i);
    std::string id(key.text());
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      if (!missing.empty()) {
        add_once(skipped, id);
        continue;
      }
      return error_at(
          file, key,
          "unknown rule \"" + id + "\"" + support::did_you_mean(id, known) + "; `chartproof rules` lists them");
    }
    const RuleDefinition* def = catalogue.find(id);
    const RuleMeta* meta = def ? &def->meta : nullptr;
    auto cfg = parse_rule_entry(file, rules.value_at(i), meta);
    if (!cfg) return cfg.error();
    merge_rule_configs(policy.rules, {{id, std::move(cfg.value())}});
  }
  std::vector<std::string> names_and_packs = known;
  names_and_packs.insert(names_and_packs.end(), packs.begin(), packs.end());
  Node exemptions = root.get("exemptions");
  if (exemptions && !exemptions.is_seq()) return error_at(file, exemptions, "exemptions must be a list");
  for (std::size_t i = 0; i < exemptions.size(); ++i) {
    auto ex = parse_exemption(file, exemptions.item(i), names_and_packs, missing.empty() ? nullptr : &skipped);
    if (!ex) return ex.error();
    if (!ex->rules.empty()) policy.exemptions.push_back(std::move(ex.value()));
  }
  if (!missing.empty()) policy.notes.push_back(missing_packs_note(file, root.get("packs"), missing, skipped));
  // The schema catches what the checks above do not know about (and is what editors use).
  auto violations = policy_schema().validate(root);
  if (!violations.empty()) {
    const auto& v = violations.front();
    return error_at(file, v.node,
                    v.message + (v.path.empty() ? "" : " at " + v.path) + "; see policies/schema/policy.schema.json");
  }
  return policy;
}

void merge_rule_configs(std::map<std::string, RuleConfig>& base, const std::map<std::string, RuleConfig>& top) {
  for (const auto& [id, cfg] : top) {
    RuleConfig& into = base[id];
    if (cfg.enabled) into.enabled = cfg.enabled;
    if (cfg.severity) into.severity = cfg.severity;
    for (const auto& [name, value] : cfg.params) into.params[name] = value;
    into.scoped.insert(into.scoped.end(), cfg.scoped.begin(), cfg.scoped.end());
  }
}

void merge_policy(Policy& base, const Policy& top) {
  merge_rule_configs(base.rules, top.rules);
  base.exemptions.insert(base.exemptions.end(), top.exemptions.begin(), top.exemptions.end());
  for (const auto& spec : top.custom_rules) {
    auto it = std::find_if(base.custom_rules.begin(), base.custom_rules.end(),
                           [&](const auto& s) { return s.id == spec.id; });
    if (it != base.custom_rules.end())
      *it = spec;
    else
      base.custom_rules.push_back(spec);
  }
  if (!top.kubernetes.version.empty()) base.kubernetes.version = top.kubernetes.version;
  if (!top.kubernetes.schema_mode.empty()) base.kubernetes.schema_mode = top.kubernetes.schema_mode;
  base.kubernetes.schema_dirs.insert(base.kubernetes.schema_dirs.end(), top.kubernetes.schema_dirs.begin(),
                                     top.kubernetes.schema_dirs.end());
  if (!top.name.empty()) base.name = top.name;
  base.file = top.file;
  for (const auto& pack : top.packs) add_once(base.packs, pack);
  if (top.helm_test_packs) base.helm_test_packs = top.helm_test_packs;
  if (!top.pod_security.version.empty()) base.pod_security.version = top.pod_security.version;
  for (const auto& [ns, labels] : top.pod_security.namespace_labels) base.pod_security.namespace_labels[ns] = labels;
  base.notes.insert(base.notes.end(), top.notes.begin(), top.notes.end());
}

}  // namespace chartproof
