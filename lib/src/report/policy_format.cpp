// `chartproof policy show`: the effective configuration, as YAML a reader can check at a glance.
#include <sstream>

#include "chartproof/report.hpp"
#include "model/scope_matcher.hpp"

namespace chartproof {
namespace {

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& s : items) out += (out.size() > 1 ? ", " : "") + s;
  return out + "]";
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
    for (const auto& [k, v] : s.match_labels) labels += (labels.empty() ? "" : ",") + k + "=" + v;
    for (const auto& e : s.match_expressions)
      labels += (labels.empty() ? "" : ",") + e.key + " " + e.op + " " + list_text(e.values);
    out += (out.empty() ? "" : ", ") + std::string("labels: \"") + labels + "\"";
  }
  return "{" + out + "}";
}

void params_text(std::ostringstream& out, const Params& params, const char* indent) {
  if (params.values().empty()) return;
  out << indent << "params:\n";
  for (const auto& [k, v] : params.values()) out << indent << "  " << k << ": " << param_value_text(v) << "\n";
}

}  // namespace

std::string format_effective_policy(const Linter& linter, const Policy& policy) {
  std::ostringstream out;
  out << "# effective policy" << (policy.file.empty() ? "" : " from " + policy.file) << "\n";
  out << "rules:\n";
  for (const auto& a : linter.active()) {
    out << "  " << a.definition->meta.id << ":\n";
    out << "    enabled: " << (a.enabled ? "true" : "false  # only inside the scopes below") << "\n";
    out << "    severity: " << severity_name(a.severity) << "\n";
    params_text(out, a.params, "    ");
    for (const auto& s : a.scoped) {
      out << "    - scope: " << scope_text(s.scope->scope()) << "\n";
      out << "      enabled: " << (s.enabled ? "true" : "false") << "\n";
      out << "      severity: " << severity_name(s.severity) << "\n";
      params_text(out, s.params, "      ");
    }
  }
  if (!policy.exemptions.empty()) {
    out << "exemptions:\n";
    for (const auto& e : policy.exemptions) {
      out << "  - rules: " << list_text(e.rules) << "\n";
      if (!e.scope.empty()) out << "    scope: " << scope_text(e.scope) << "\n";
      out << "    reason: \"" << e.reason << "\"\n";
      if (!e.expires.empty()) out << "    expires: " << e.expires << "\n";
      out << "    # " << e.file << ":" << e.line << "\n";
    }
  }
  return out.str();
}

}  // namespace chartproof
