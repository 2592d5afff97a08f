#include <algorithm>

#include "chartproof/report.hpp"
#include "report/source_lines.hpp"
#include "support/utf8.hpp"

namespace chartproof {
namespace {

constexpr std::size_t kFrameWidth = 160;  // long lines are cut around the caret

struct Palette {
  std::string_view bold, dim, red, yellow, blue, reset;
};
constexpr Palette kColor{"\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[0m"};
constexpr Palette kPlain{"", "", "", "", "", ""};

std::string_view severity_color(const Palette& p, Severity s) {
  return s == Severity::Error ? p.red : s == Severity::Warning ? p.yellow : p.blue;
}

// Control bytes of hostile input must not reach the terminal.
std::string printable(std::string_view text) {
  std::string out;
  std::string valid = support::to_valid_utf8(text);
  out.reserve(valid.size());
  for (char c : valid) {
    auto u = static_cast<unsigned char>(c);
    out.push_back(c == '\t' ? ' ' : (u < 0x20 || u == 0x7f) ? '?' : c);
  }
  return out;
}

void append_frame(std::string& out, const Finding& f, std::string_view line, const Palette& p) {
  if (line.empty() && f.column <= 1) return;
  std::size_t caret = f.column > 0 ? f.column - 1 : 0;
  if (f.sensitive) {
    // Show the line up to the secret, then only its first characters.
    std::size_t cut = std::min(caret, line.size());
    std::string masked(line.substr(0, cut));
    std::string_view secret = line.substr(cut);
    if (!secret.empty()) masked += mask_secret(secret);
    std::string number = std::to_string(f.line);
    out += "  " + std::string(p.dim) + number + " | " + std::string(p.reset) + printable(masked) + "\n";
    out += "  " + std::string(number.size(), ' ') + std::string(p.dim) + " | " + std::string(p.reset) +
           std::string(std::min(caret, kFrameWidth), ' ') + std::string(severity_color(p, f.severity)) + "^" +
           std::string(p.reset) + "\n";
    return;
  }
  std::size_t start = 0;
  std::string prefix, suffix;
  if (line.size() > kFrameWidth) {
    start = caret > kFrameWidth / 2 ? std::min(caret - kFrameWidth / 2, line.size() - kFrameWidth) : 0;
    if (start > 0) prefix = "…";
    if (start + kFrameWidth < line.size()) suffix = "…";
    line = line.substr(start, kFrameWidth);
  }
  std::string number = std::to_string(f.line);
  out += "  " + std::string(p.dim) + number + " | " + std::string(p.reset) + prefix + printable(line) + suffix + "\n";
  std::size_t pad = caret >= start ? caret - start + (prefix.empty() ? 0 : 1) : 0;
  out += "  " + std::string(number.size(), ' ') + std::string(p.dim) + " | " + std::string(p.reset) +
         std::string(pad, ' ') + std::string(severity_color(p, f.severity)) + "^" + std::string(p.reset) + "\n";
}

std::string position(const SourcePosition& at) {
  return printable(at.file) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// What the text format prints under a finding's headline: the resource, the values line, the code
// frame, and in chart mode what wrote the text and where it sits in helm's output.
void append_details(std::string& out, const LintReport& report, const Finding& f, report::SourceLines& lines,
                    const Palette& p, bool code_frame) {
  // Chart mode names a template by its file in the chart folder, not helm's CHART-NAME/templates/….
  auto template_shown = [&](const Finding& finding) {
    const ChartFolder* chart = report.chart_of(finding);
    return chart ? chart->template_path(finding.template_name) : finding.template_name;
  };
  if (f.has_resource()) {
    out += "  in " + f.resource.kind + " \"" + (f.resource.namespace_.empty() ? "" : f.resource.namespace_ + "/") +
           printable(f.resource.name) + "\"";
    if (!f.template_name.empty()) out += " from " + printable(template_shown(f));
    out += "\n";
  } else if (!f.template_name.empty()) {
    out += "  from " + printable(template_shown(f)) + "\n";
  }
  // A grouped finding: the same fix for these too, each with what it says of its object.
  if (!f.more.empty()) {
    out += "  and " + std::to_string(f.more.size()) + " more at this line:\n";
    for (const auto& m : f.more) {
      out += "    " + printable(resource_label(m.resource));
      if (!m.template_name.empty() && m.template_name != f.template_name)
        out += " from " + printable(template_shown(m));
      out += ": " + printable(m.message) + "\n";
    }
  }
  if (f.value_source && (f.value_source->file != f.file || f.value_source->line != f.line)) {
    out += "  value from " + position(*f.value_source) + "\n";
  }
  if (code_frame) append_frame(out, f, lines.line(f.file, f.line), p);
  if (f.template_line && (f.template_line->file != f.file || f.template_line->line != f.line)) {
    out += "  written by " + position(*f.template_line) + "\n";
  }
  if (f.include_site) out += "  included from " + position(*f.include_site) + "\n";
  if (!f.mapped) out += "  (no template line could be told; the template file is shown)\n";
  if (f.rendered) {
    out += "  rendered at line " + std::to_string(f.rendered->line) + ":" + std::to_string(f.rendered->column) +
           " of " + printable(f.rendered->file) + "\n";
  }
}

// "hygiene and security rules" (the policy's helmTests.packs), for the summary line.
std::string helm_test_rules(const LintReport& report) {
  const auto& packs = report.helm_test_packs;
  if (packs.empty()) return "no rule";
  std::string out;
  for (std::size_t i = 0; i < packs.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == packs.size() ? " and " : ", ") + packs[i];
  }
  return out + " rules";
}

}  // namespace

std::vector<std::string> finding_details(const LintReport& report) {
  report::SourceLines lines(report);
  std::vector<std::string> out;
  out.reserve(report.findings.size());
  for (const Finding& f : report.findings) {
    std::string details;
    append_details(details, report, f, lines, kPlain, true);
    out.push_back(std::move(details));
  }
  return out;
}

std::string format_text(const LintReport& report, const TextOptions& options) {
  const Palette& p = options.color ? kColor : kPlain;
  report::SourceLines lines(report);
  std::string out;
  for (const Finding& f : report.findings) {
    out += std::string(p.bold) + printable(f.file) + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) +
           ":" + std::string(p.reset) + " " + std::string(severity_color(p, f.severity)) +
           std::string(severity_name(f.severity)) + std::string(p.reset) + ": " + printable(f.message) + " " +
           std::string(p.dim) + "[" + f.rule + "]" + std::string(p.reset);
    // --quiet has no details beneath: the line names the object (and how many more share the fix).
    if (options.quiet && f.has_resource()) {
      out += " in " + printable(resource_label(f.resource)) + printable(more_objects_suffix(f));
    }
    out += "\n";
    if (!options.quiet) append_details(out, report, f, lines, p, options.code_frame);
  }
  if (options.quiet) return out;
  const Summary& s = report.summary;
  std::size_t files = 0;
  for (const auto& input : report.inputs) files += input->files.size() - input->skipped.size();
  std::string counts =
      plural(s.documents, "document") + ", " + plural(s.resources, "resource") + " in " + plural(files, "file");
  if (s.skipped != 0) counts += "; " + plural(s.skipped, "file") + " with no Kubernetes object skipped";
  if (s.helm_test_hooks != 0) {
    counts += "; " + plural(s.helm_test_hooks, "helm test pod") + " linted by " + helm_test_rules(report) +
              " only (policy helmTests)";
  }
  if (s.findings == 0) {
    out += "no findings (" + counts + ")\n";
  } else {
    out += std::string(p.bold) + plural(s.findings, "finding") + std::string(p.reset) +
           (s.objects > s.findings ? " on " + plural(s.objects, "object") : std::string()) + " (" +
           plural(s.error, "error") + ", " + plural(s.warning, "warning") + ", " + std::to_string(s.info) +
           " info) in " + counts +
           (s.hidden == 0 ? "" : "; " + std::to_string(s.hidden) + " below --min-severity not shown") + "\n";
  }
  return out;
}

}  // namespace chartproof
