// `chartproof explain RULE`: everything about a rule, with its own fixtures as examples.
#include <sstream>

#include "chartproof/report.hpp"

namespace chartproof {
namespace embedded {
const std::vector<std::pair<std::string_view, std::string_view>>& rule_fixtures();
}

namespace {

std::string_view fixture(const std::string& id, std::string_view name) {
  std::string path = "testdata/rules/" + id + "/" + std::string(name);
  for (const auto& [file, text] : embedded::rule_fixtures()) {
    if (file == path) return text;
  }
  return {};
}

void example(std::ostringstream& out, const std::string& id, std::string_view name, std::string_view title) {
  std::string_view text = fixture(id, name);
  if (text.empty()) return;
  out << "\n" << title << " (testdata/rules/" << id << "/" << name << "):\n\n";
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) out << "    " << line << "\n";
}

}  // namespace

std::string format_explain(const RuleDefinition& def) {
  const RuleMeta& m = def.meta;
  std::ostringstream out;
  out << m.id << " (" << m.pack << ", " << severity_name(m.severity) << (m.enabled_by_default ? "" : ", off by default")
      << ")\n\n"
      << m.summary << "\n\nWhy: " << m.rationale << "\n\nFix: " << m.remediation << "\n";
  if (!m.automatic_fix.empty()) out << "\n`chartproof fix` writes: " << m.automatic_fix << "\n";
  if (!m.kinds.empty()) {
    out << "\nChecks:";
    for (const auto& k : m.kinds) out << " " << k;
    out << "\n";
  }
  if (!m.params.empty()) {
    out << "\nParameters:\n";
    for (const auto& p : m.params) out << "  " << p.name << ": " << p.description << "\n";
  }
  example(out, m.id, "policy.yaml", "Policy used by the examples");
  example(out, m.id, "fail.yaml", "Reported (lines marked `# expect:`)");
  example(out, m.id, "pass.yaml", "Not reported");
  return out.str();
}

}  // namespace chartproof
