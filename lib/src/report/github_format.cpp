// GitHub Actions workflow commands (annotations on the pull request diff), and the --summary table.
#include <algorithm>
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
        << ",title=" << escape(f.rule, true)
        << "::" << escape(f.message + value_source_suffix(f) + more_objects_suffix(f), false) << "\n";
  }
  return out.str();
}

namespace {

// " (a, b, c)", or " (a, b, … and N more)" past eight names; empty for none.
std::string list_of(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  constexpr std::size_t shown = 8;
  std::string out = " (";
  for (std::size_t i = 0; i < names.size() && i < shown; ++i) out += (i == 0 ? "" : ", ") + names[i];
  if (names.size() > shown) out += ", … and " + std::to_string(names.size() - shown) + " more";
  return out + ")";
}

}  // namespace

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
  // What was checked, so that a gate's log shows it did not pass on nothing.
  std::vector<std::string> charts;
  std::size_t manifest_files = 0;
  for (const auto& input : report.inputs) {
    for (const auto& chart : input->charts) charts.push_back(chart.dir);
    std::size_t chart_files = 0;
    for (const auto& chart : input->charts) chart_files += chart.files.size() + (chart.render ? 1 : 0);
    manifest_files += input->files.size() - std::min(input->files.size(), chart_files + input->skipped.size());
  }
  out << "linted: " << charts.size() << (charts.size() == 1 ? " chart" : " charts") << list_of(charts) << ", "
      << manifest_files << " manifest " << (manifest_files == 1 ? "file" : "files") << ", " << s.documents
      << " documents, " << s.resources << " resources\n";
  if (s.skipped != 0) {
    std::vector<std::string> skipped;
    for (const auto& input : report.inputs) skipped.insert(skipped.end(), input->skipped.begin(), input->skipped.end());
    out << "skipped: " << s.skipped << (s.skipped == 1 ? " file" : " files") << " with no Kubernetes object"
        << list_of(skipped) << "\n";
  }
  if (s.baselined != 0) {
    std::map<std::string, std::size_t> by_rule;
    for (const auto& f : report.baselined) ++by_rule[f.rule];
    std::vector<std::string> rules;
    rules.reserve(by_rule.size());
    for (const auto& [rule, n] : by_rule) rules.push_back(rule + " " + std::to_string(n));
    out << "baselined: " << s.baselined << (s.baselined == 1 ? " finding" : " findings")
        << " the baseline holds, not counted" << list_of(rules) << "\n";
  }
  if (!report.errors.empty()) out << "not linted: " << report.errors.size() << " (errors above)\n";
  out << "total: " << s.findings << " (" << s.error << " error, " << s.warning << " warning, " << s.info << " info)\n";
  return out.str();
}

}  // namespace chartproof
