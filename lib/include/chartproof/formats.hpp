#pragma once
/// \file
/// The output formats, in one table: each format's name, what it writes and which commands take it.
/// The CLI's --format parsing and help, shell completion, `audit`, and Python's `Report.to(fmt)` /
/// `AuditReport.to(fmt)` all read it, so a new format is one entry here plus its writer.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/finding.hpp"

namespace chartproof {

struct LintReport;
struct RuleDefinition;

/// What a format can be asked of (a bit set).
enum FormatUse : std::uint8_t {
  kFormatLint = 1,   ///< `chartproof lint`, Python Report
  kFormatAudit = 2,  ///< `chartproof audit`, Python AuditReport
  kFormatRules = 4,  ///< `chartproof rules`
};

/// One output format.
struct OutputFormat {
  std::string_view name;
  std::string_view writes;  ///< what it writes, for --help and the docs
  std::uint8_t uses;        ///< FormatUse bits
};

/// The formats of a command by its name ("lint", "audit", "rules"); nullopt for another name.
std::optional<FormatUse> format_use(std::string_view command);

/// Every output format, in the order help and completion list them.
const std::vector<OutputFormat>& output_formats();
/// The names of the formats `use` accepts, in table order.
std::vector<std::string> format_names(FormatUse use);
/// `text, json, sarif, …` for help texts.
std::string format_name_list(FormatUse use);

/// How the writers that take options are set (the rest ignore them).
struct WriteOptions {
  bool color = false;                                 ///< text
  bool quiet = false;                                 ///< text: one line per finding
  bool summary = false;                               ///< text: counts per rule after the findings
  std::optional<Severity> fail_on = Severity::Error;  ///< junit: what fails a testcase (nullopt: never)
  std::string base_dir = ".";                         ///< sarif: what artifact URIs are relative to
};

/// Writes a lint report in a lint format; false (nothing written) when `format` is not one.
bool write_report(const LintReport& report, std::string_view format, const WriteOptions& options, std::ostream& out);
/// Writes the rule catalogue in a rules format; false when `format` is not one.
bool write_rules(const std::vector<RuleDefinition>& rules, std::string_view format, std::ostream& out);

}  // namespace chartproof
