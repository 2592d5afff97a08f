// Reads policy documents into rule configuration, with located errors.
#include <algorithm>
#include <set>

#include "chartproof/policy.hpp"
#include "engine/suggest.hpp"
#include "policy/builtin_profiles.hpp"

namespace chartproof {
namespace {

Error error_at(const std::string& file, Node node, std::string message) {
  return Error{file, node.line(), node.column(), std::move(message)};
}

// A parameter value as written; the engine checks it against the rule's declared type.
std::optional<ParamValue> to_param(Node value) {
  switch (value.type()) {
    case NodeType::Int:
      if (auto i = value.as_int()) return ParamValue{*i};
      return std::nullopt;
    case NodeType::Bool: return ParamValue{*value.as_bool()};
    case NodeType::String:
    case NodeType::Float: return ParamValue{std::string(value.text())};
    case NodeType::Sequence: {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value.item(i).is_scalar()) return std::nullopt;
        items.emplace_back(value.item(i).text());
      }
      return ParamValue{std::move(items)};
    }
    default: return std::nullopt;
  }
}

Expected<RuleConfig> parse_rule_config(const std::string& file, Node node) {
  RuleConfig cfg;
  if (node.is_bool()) {  // `rule-id: false` is shorthand for `enabled: false`
    cfg.enabled = *node.as_bool();
    return cfg;
  }
  if (!node.is_map()) return error_at(file, node, "a rule entry must be a mapping; allowed: enabled, severity, params");
  for (std::size_t i = 0; i < node.size(); ++i) {
    Node key = node.key_at(i);
    Node value = node.value_at(i);
    std::string_view k = key.text();
    if (k == "enabled") {
      if (!value.as_bool()) return error_at(file, value, "enabled must be true or false");
      cfg.enabled = *value.as_bool();
    } else if (k == "severity") {
      auto sev = parse_severity(value.text());
      if (!value.is_string() || !sev) return error_at(file, value, "severity must be error, warning or info");
      cfg.severity = *sev;
    } else if (k == "params") {
      if (!value.is_map()) return error_at(file, value, "params must be a mapping of parameter names to values");
      for (std::size_t j = 0; j < value.size(); ++j) {
        auto param = to_param(value.value_at(j));
        if (!param) {
          return error_at(file, value.value_at(j),
                          "parameter \"" + std::string(value.key_at(j).text()) +
                              "\" must be an integer, a string, a boolean or a list of strings");
        }
        cfg.params[std::string(value.key_at(j).text())] = std::move(*param);
      }
    } else {
      return error_at(file, key, "unknown field \"" + std::string(k) + "\" in a rule entry; allowed: enabled, severity, params");
    }
  }
  return cfg;
}

}  // namespace

Expected<Policy> parse_policy(std::string_view text, const std::string& file) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  for (const auto& issue : issues) return Error{file, issue.line, issue.column, issue.message};
  Policy policy;
  policy.file = file;
  if (!doc || !doc->root().is_map()) return Error{file, 1, 1, "a policy must be a mapping with apiVersion: chartproof.io/v1 and kind: Policy"};
  Node root = doc->root();
  if (root.get_text("apiVersion") != "chartproof.io/v1") {
    Node at = root.get("apiVersion") ? root.get("apiVersion") : root;
    return error_at(file, at, "apiVersion must be chartproof.io/v1");
  }
  if (root.get_text("kind") != "Policy") {
    Node at = root.get("kind") ? root.get("kind") : root;
    return error_at(file, at, "kind must be Policy");
  }
  policy.name = std::string(root.get("metadata").get_text("name"));
  Node extends = root.get("extends");
  if (extends.is_string()) {
    policy.extends.emplace_back(extends.text());
  } else if (extends.is_seq()) {
    for (std::size_t i = 0; i < extends.size(); ++i) policy.extends.emplace_back(extends.item(i).text());
  } else if (extends && !extends.is_null()) {
    return error_at(file, extends, "extends must be a profile name, a policy file, or a list of them");
  }
  Node rules = root.get("rules");
  if (rules && !rules.is_null() && !rules.is_map()) return error_at(file, rules, "rules must be a mapping of rule ids to settings");
  std::vector<std::string> known;
  for (const auto& def : builtin_rules()) known.push_back(def.meta.id);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Node key = rules.key_at(i);
    std::string id(key.text());
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      return error_at(file, key, "unknown rule \"" + id + "\"" + engine::did_you_mean(id, known) +
                                     "; `chartproof rules` lists them");
    }
    auto cfg = parse_rule_config(file, rules.value_at(i));
    if (!cfg) return cfg.error();
    policy.rules[id] = std::move(cfg.value());
  }
  static const std::set<std::string_view> kTopLevel = {"apiVersion", "kind", "metadata", "extends", "rules"};
  for (std::size_t i = 0; i < root.size(); ++i) {
    if (!kTopLevel.count(root.key_at(i).text())) {
      return error_at(file, root.key_at(i),
                      "unknown field \"" + std::string(root.key_at(i).text()) +
                          "\"; allowed: apiVersion, kind, metadata, extends, rules");
    }
  }
  return policy;
}

void merge_rule_configs(std::map<std::string, RuleConfig>& base, const std::map<std::string, RuleConfig>& top) {
  for (const auto& [id, cfg] : top) {
    RuleConfig& into = base[id];
    if (cfg.enabled) into.enabled = cfg.enabled;
    if (cfg.severity) into.severity = cfg.severity;
    for (const auto& [name, value] : cfg.params) into.params[name] = value;
  }
}

std::vector<std::string> builtin_profile_names() {
  std::vector<std::string> names;
  for (const auto& [name, text] : policy::embedded_profiles()) names.emplace_back(name);
  return names;
}

namespace {

Expected<std::map<std::string, RuleConfig>> resolve_builtin(std::string_view name, std::vector<std::string>& chain) {
  if (std::find(chain.begin(), chain.end(), name) != chain.end()) {
    return Error{"", 0, 0, "profile \"" + std::string(name) + "\" extends itself"};
  }
  const auto& all = policy::embedded_profiles();
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.first == name; });
  if (it == all.end()) {
    return Error{"", 0, 0, "unknown profile \"" + std::string(name) + "\"" +
                               engine::did_you_mean(name, builtin_profile_names())};
  }
  auto policy = parse_policy(it->second, "policies/" + std::string(name) + ".yaml");
  if (!policy) return policy.error();
  chain.emplace_back(name);
  std::map<std::string, RuleConfig> rules;
  for (const auto& parent : policy->extends) {
    auto base = resolve_builtin(parent, chain);
    if (!base) return base.error();
    merge_rule_configs(rules, base.value());
  }
  chain.pop_back();
  merge_rule_configs(rules, policy->rules);
  return rules;
}

}  // namespace

Expected<std::map<std::string, RuleConfig>> load_builtin_profile(std::string_view name) {
  std::vector<std::string> chain;
  return resolve_builtin(name, chain);
}

}  // namespace chartproof
