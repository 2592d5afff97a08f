// The table of output formats and the one place that picks a lint report's writer by name.
#include "chartproof/formats.hpp"

#include <algorithm>
#include <iterator>
#include <ostream>
#include <utility>

#include "chartproof/report.hpp"

namespace chartproof {

const std::vector<OutputFormat>& output_formats() {
  static const std::vector<OutputFormat> formats = {
      {"text", "findings with code frames and totals (audit: a summary per task)",
       kFormatLint | kFormatAudit | kFormatRules},
      {"json", "the versioned JSON report (DESIGN.md)", kFormatLint | kFormatAudit | kFormatRules},
      {"sarif", "SARIF 2.1.0 for code scanning", kFormatLint | kFormatAudit},
      {"junit", "JUnit XML, a testcase per object", kFormatLint},
      {"github", "GitHub Actions annotations", kFormatLint},
      {"html", "one self-contained HTML page", kFormatLint | kFormatAudit},
      {"markdown", "the rule reference (docs/rules.md)", kFormatRules},
  };
  return formats;
}

std::optional<FormatUse> format_use(std::string_view command) {
  if (command == "lint") return kFormatLint;
  if (command == "audit") return kFormatAudit;
  if (command == "rules") return kFormatRules;
  return std::nullopt;
}

std::vector<std::string> format_names(FormatUse use) {
  std::vector<std::string> names;
  for (const auto& f : output_formats()) {
    if ((f.uses & use) != 0) names.emplace_back(f.name);
  }
  return names;
}

std::string format_name_list(FormatUse use) {
  std::string out;
  for (const auto& name : format_names(use)) out += (out.empty() ? "" : ", ") + name;
  return out;
}

bool write_report(const LintReport& report, std::string_view format, const WriteOptions& options, std::ostream& out) {
  if (format == "json") {
    write_json(report, out);  // streamed: a large report is never held twice
  } else if (format == "sarif") {
    out << format_sarif(report, options.base_dir);
  } else if (format == "junit") {
    out << format_junit(report, options.fail_on);
  } else if (format == "github") {
    out << format_github(report);
  } else if (format == "html") {
    out << format_html(report);
  } else if (format == "text") {
    TextOptions look;
    look.color = options.color;
    look.code_frame = !options.quiet;
    look.quiet = options.quiet;
    out << format_text(report, look);
    if (options.summary) out << format_summary(report);
  } else {
    return false;
  }
  return true;
}

bool write_rules(const std::vector<RuleDefinition>& rules, std::string_view format, std::ostream& out) {
  using Writer = std::string (*)(const std::vector<RuleDefinition>&);
  static constexpr std::pair<std::string_view, Writer> kWriters[] = {
      {"text", &format_rules_text}, {"json", &format_rules_json}, {"markdown", &format_rules_markdown}};
  const auto* it =
      std::find_if(std::begin(kWriters), std::end(kWriters), [&](const auto& w) { return w.first == format; });
  if (it == std::end(kWriters)) return false;
  out << it->second(rules);
  return true;
}

}  // namespace chartproof
