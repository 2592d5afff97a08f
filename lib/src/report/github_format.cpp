// GitHub Actions workflow commands (annotations on the pull request diff), and the --summary table.
#include <map>
#include <sstream>

#include "chartproof/report.hpp"
#include "support/utf8.hpp"

namespace chartproof {
namespace {

// GitHub's escaping for workflow command data; properties also escape `:` and `,`.
std::string escape(std::string_view text, bool property) {
  std::string out;
  for (char c : support::to_valid_utf8(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string format_github(const LintReport& report) {
  std::ostringstream out;
  for (const auto& f : report.findings) {
    std::string_view command = f.severity == Severity::Error     ? "error"
                               : f.severity == Severity::Warning ? "warning"
                                                                 : "notice";
    out << "::" << command << " file=" << escape(f.file, true) << ",line=" << f.line << ",col=" << f.column
        << ",title=" << escape(f.rule, true) << "::" << escape(f.message + value_source_suffix(f), false) << "\n";
  }
  return out.str();
}

std::string format_summary(const LintReport& report) {
  std::map<std::string, std::pair<Severity, std::size_t>> counts;
  for (const auto& f : report.findings) {
    auto& entry = counts[f.rule];
    entry.first = std::max(entry.first, f.severity);
    ++entry.second;
  }
  std::ostringstream out;
  out << "findings by rule:\n";
  for (const auto& [rule, entry] : counts) {
    out << "  " << rule << std::string(rule.size() < 32 ? 32 - rule.size() : 1, ' ') << severity_name(entry.first)
        << std::string(9 - severity_name(entry.first).size(), ' ') << entry.second << "\n";
  }
  const Summary& s = report.summary;
  out << "total: " << s.findings << " (" << s.error << " error, " << s.warning << " warning, " << s.info << " info)\n";
  return out.str();
}

}  // namespace chartproof
