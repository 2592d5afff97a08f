#pragma once
/// \file
/// Output formats for a lint report and for the rule catalogue.

#include <iosfwd>
#include <string>

#include "chartproof/engine.hpp"

namespace chartproof {

/// Options of the human-readable format.
struct TextOptions {
  bool color = false;
  bool code_frame = true;
};

/// `file:line:col: severity: message [rule]`, the resource, a code frame and a summary line.
std::string format_text(const LintReport& report, const TextOptions& options = {});
/// The versioned JSON document described in DESIGN.md.
std::string format_json(const LintReport& report);
/// The same document, streamed to `out` (no copy of the whole report is held).
void write_json(const LintReport& report, std::ostream& out);
/// A plain table of every rule: id, pack, severity, summary.
std::string format_rules_text(const std::vector<RuleDefinition>& rules);
/// docs/rules.md: every rule's metadata as Markdown.
std::string format_rules_markdown(const std::vector<RuleDefinition>& rules);
/// `chartproof policy show`: every enabled rule with severity, parameters and scoped settings.
std::string format_effective_policy(const Linter& linter, const Policy& policy);
/// Every rule's metadata as JSON.
std::string format_rules_json(const std::vector<RuleDefinition>& rules);

}  // namespace chartproof
