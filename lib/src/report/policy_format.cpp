// `chartproof policy show`: the effective configuration as a complete policy file. Nothing in it is
// inherited (no `extends`): every rule is listed, switched on or off, with its severity and every
// parameter, so `chartproof policy check` accepts it and `lint --policy` with it lints as the
// policy it was printed from (tests/cli/policy_round_trip_test.sh).
#include <filesystem>
#include <sstream>

#include "chartproof/report.hpp"
#include "report/json_writer.hpp"

namespace chartproof {
namespace {

// A JSON string is a YAML double-quoted scalar: one escaping for every user-written text.
std::string yaml_quoted(std::string_view s) { return report::json_quoted(s); }

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& s : items) out += (out.size() > 1 ? ", " : "") + yaml_quoted(s);
  return out + "]";
}

std::string param_text(const ParamValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return yaml_quoted(*s);
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) return list_text(*l);
  return param_value_text(v);
}

std::string scope_text(const Scope& s) {
  std::string out;
  auto add = [&](std::string_view key, const std::vector<std::string>& v) {
    if (!v.empty()) out += (out.empty() ? "" : ", ") + std::string(key) + ": " + list_text(v);
  };
  add("namespaces", s.namespaces);
  add("kinds", s.kinds);
  add("names", s.names);
  if (!s.match_labels.empty() || !s.match_expressions.empty()) {
    std::string labels;
    if (!s.match_labels.empty()) {
      std::string pairs;
      for (const auto& [k, v] : s.match_labels)
        pairs += (pairs.empty() ? "" : ", ") + yaml_quoted(k) + ": " + yaml_quoted(v);
      labels += "matchLabels: {" + pairs + "}";
    }
    if (!s.match_expressions.empty()) {
      std::string exprs;
      for (const auto& e : s.match_expressions) {
        exprs += (exprs.empty() ? "" : ", ") + std::string("{key: ") + yaml_quoted(e.key) +
                 ", operator: " + yaml_quoted(e.op) + (e.values.empty() ? "" : ", values: " + list_text(e.values)) +
                 "}";
      }
      labels += (labels.empty() ? "" : ", ") + std::string("matchExpressions: [") + exprs + "]";
    }
    out += (out.empty() ? "" : ", ") + std::string("labels: {") + labels + "}";
  }
  return "{" + out + "}";
}

std::string params_text(const Params& params) {
  std::string out;
  for (const auto& [k, v] : params.values()) out += (out.empty() ? "" : ", ") + k + ": " + param_text(v);
  return "{" + out + "}";
}

std::string checks_text(const std::vector<FieldCheck>& checks) {
  std::string out;
  for (const auto& c : checks) {
    out += (out.empty() ? "" : ", ") + std::string("{field: ") + yaml_quoted(c.field) +
           (c.pattern.empty() ? "" : ", pattern: " + yaml_quoted(c.pattern)) +
           (c.message.empty() ? "" : ", message: " + yaml_quoted(c.message)) + "}";
  }
  return "[" + out + "]";
}

void custom_rules_text(std::ostringstream& out, const std::vector<CustomRuleSpec>& specs) {
  if (specs.empty()) return;
  out << "customRules:\n";
  for (const auto& r : specs) {
    out << "  - id: " << r.id << "\n";
    out << "    pack: " << yaml_quoted(r.pack) << "\n";
    out << "    severity: " << severity_name(r.severity) << "\n";
    out << "    summary: " << yaml_quoted(r.summary) << "\n";
    if (!r.rationale.empty()) out << "    rationale: " << yaml_quoted(r.rationale) << "\n";
    if (!r.remediation.empty()) out << "    remediation: " << yaml_quoted(r.remediation) << "\n";
    out << "    target: " << r.target << "\n";
    if (!r.kinds.empty()) out << "    kinds: " << list_text(r.kinds) << "\n";
    if (!r.scope.empty()) out << "    scope: " << scope_text(r.scope) << "\n";
    if (!r.require.empty()) out << "    require: " << checks_text(r.require) << "\n";
    if (!r.forbid.empty()) out << "    forbid: " << checks_text(r.forbid) << "\n";
    if (!r.schema_json.empty()) out << "    schema: " << r.schema_json << "\n";  // JSON is YAML
    if (!r.cel.empty()) out << "    cel: " << yaml_quoted(r.cel) << "\n";
    if (!r.message.empty()) out << "    message: " << yaml_quoted(r.message) << "\n";
    if (!r.message_expression.empty()) out << "    messageExpression: " << yaml_quoted(r.message_expression) << "\n";
    out << "    # " << r.file << ":" << r.line << "\n";
  }
}

}  // namespace

std::string format_effective_policy(const Linter& linter, const Policy& policy) {
  std::ostringstream out;
  out << "# The effective policy" << (policy.file.empty() ? "" : " of " + policy.file)
      << " (chartproof policy show): complete, with nothing inherited; `chartproof lint --policy` with this file "
         "lints as that policy does.\n";
  out << "apiVersion: chartproof.io/v1\nkind: Policy\nmetadata:\n  name: "
      << yaml_quoted(policy.name.empty() ? "effective" : policy.name) << "\n";
  const KubernetesTarget& k = policy.kubernetes;
  if (!k.version.empty() || !k.schema_mode.empty() || !k.schema_dirs.empty()) {
    out << "kubernetes:\n";
    if (!k.version.empty()) out << "  version: " << yaml_quoted(k.version) << "\n";
    if (!k.schema_mode.empty()) out << "  schemaMode: " << k.schema_mode << "\n";
    if (!k.schema_dirs.empty()) {
      // Absolute: this file may be saved anywhere, and relative folders resolve against its own.
      std::vector<std::string> dirs;
      std::error_code ec;
      for (const auto& d : k.schema_dirs) dirs.push_back(std::filesystem::absolute(d, ec).lexically_normal().string());
      out << "  schemaDirs: " << list_text(dirs) << "\n";
    }
  }
  if (!policy.packs.empty()) out << "packs: " << list_text(policy.packs) << "\n";
  out << "helmTests:\n  packs: " << list_text(linter.options().helm_test_packs) << "\n";
  const PodSecuritySettings& pss = policy.pod_security;
  if (!pss.version.empty() || !pss.namespace_labels.empty()) {
    out << "podSecurity:\n";
    if (!pss.version.empty()) out << "  version: " << yaml_quoted(pss.version) << "\n";
    if (!pss.namespace_labels.empty()) out << "  namespaceLabels:\n";
    for (const auto& [ns, labels] : pss.namespace_labels) {
      out << "    " << yaml_quoted(ns) << ":\n";
      for (const auto& [key, value] : labels) out << "      " << yaml_quoted(key) << ": " << yaml_quoted(value) << "\n";
    }
  }
  custom_rules_text(out, policy.custom_rules);
  out << "rules:\n";
  const std::vector<EffectiveRule> effective = linter.effective_rules();
  for (const RuleDefinition* def : linter.definitions()) {
    const EffectiveRule* a = nullptr;
    for (const auto& candidate : effective) {
      if (candidate.definition->meta.id == def->meta.id) a = &candidate;
    }
    if (!a) {
      out << "  " << def->meta.id << ": false\n";
      continue;
    }
    out << "  " << def->meta.id << ":\n";
    out << "    - enabled: " << (a->enabled ? "true" : "false") << "\n";
    out << "      severity: " << severity_name(a->severity) << "\n";
    if (!a->params.values().empty()) out << "      params: " << params_text(a->params) << "\n";
    for (const auto& s : a->scoped) {
      out << "    - scope: " << scope_text(s.scope) << "\n";
      out << "      enabled: " << (s.enabled ? "true" : "false") << "\n";
      out << "      severity: " << severity_name(s.severity) << "\n";
      if (!s.params.values().empty()) out << "      params: " << params_text(s.params) << "\n";
    }
  }
  if (!policy.exemptions.empty()) {
    out << "exemptions:\n";
    for (const auto& e : policy.exemptions) {
      out << "  - rules: " << list_text(e.rules) << "\n";
      if (!e.scope.empty()) out << "    scope: " << scope_text(e.scope) << "\n";
      out << "    reason: " << yaml_quoted(e.reason) << "\n";
      if (!e.expires.empty()) out << "    expires: " << yaml_quoted(e.expires) << "\n";
      out << "    # " << e.file << ":" << e.line << "\n";
    }
  }
  return out.str();
}

}  // namespace chartproof
