// The one place that picks an audit writer by the format's name (chartproof/formats.hpp's table).
#include <ostream>
#include <utility>

#include "chartproof/audit.hpp"

namespace chartproof {

bool write_audit(const std::vector<AuditResult>& results, std::string_view format, std::ostream& out) {
  using Writer = std::string (*)(const std::vector<AuditResult>&);
  static constexpr std::pair<std::string_view, Writer> kWriters[] = {
      {"text", &format_audit_summary},
      {"json", &format_audit_json},
      {"sarif", &format_audit_sarif},
      {"html", &format_audit_html},
  };
  for (const auto& [name, writer] : kWriters) {
    if (name == format) {
      out << writer(results);
      return true;
    }
  }
  return false;
}

}  // namespace chartproof
