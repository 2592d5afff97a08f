#include "fix_command.hpp"

#include <ostream>

#include <filesystem>

#include "chartproof/fix.hpp"
#include "chartproof/report.hpp"

namespace chartproof::cli {
namespace {
constexpr int kExitUsage = 2;
}  // namespace

CLI::App* add_fix_command(CLI::App& app, FixArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "fix", "Edit values.yaml, templates or manifests so findings go away, each edit verified (docs/fix.md)");
  cmd->add_option("paths", a.paths, "Chart folders or manifest files")->required();
  cmd->add_flag("--diff", a.diff, "Print the verified edits as a unified diff (the default)");
  cmd->add_flag("--write", a.write, "Apply the verified edits to the files in place (each atomically)");
  cmd->add_option("--format", a.format,
                  "diff: the edits as a unified diff; json, sarif: the lint report, each fixed finding with its edit "
                  "(`fix`, SARIF `fixes`)")
      ->check(CLI::IsMember({"diff", "json", "sarif"}))
      ->capture_default_str();
  a.flags.add(cmd, kUseLint);
  return cmd;
}

int run_fix_command(const FixArgs& a, Environment& env) {
  LintRequest request;
  request.paths = a.paths;
  request.catalogue = env.catalogue;
  if (auto wrong = a.flags.apply(request)) {
    env.err << "chartproof: " << *wrong << "\n";
    return kExitUsage;
  }
  auto fixed = fix_request(request, a.write);
  if (!fixed) {
    env.err << "chartproof: " << fixed.error().to_string() << "\n";
    return kExitUsage;
  }
  const FixReport& report = fixed.value();
  if (a.format == "json") {
    env.out << format_json(report.report);
  } else if (a.format == "sarif") {
    env.out << format_sarif(report.report, std::filesystem::current_path().string());
  } else if (!a.write || a.diff) {
    env.out << report.diff;
  }
  std::size_t kept = 0, dropped = 0, none = 0;
  for (const auto& o : report.outcomes) {
    kept += o.status == FixOutcome::Status::Kept;
    dropped += o.status == FixOutcome::Status::Dropped;
    none += o.status == FixOutcome::Status::NoEdit;
    // Where the edit goes (a values entry for a finding on its template's key), else the finding.
    const Finding& f = o.finding;
    const bool edited = o.status != FixOutcome::Status::NoEdit;
    env.err << (edited ? o.file : f.file) << ":" << (edited ? o.line : f.line) << ": " << fix_status_name(o.status)
            << " [" << f.rule << "] " << f.message << ": " << o.reason << "\n";
  }
  env.err << "chartproof: " << kept << " fixed" << (a.write ? " and written" : "") << ", " << dropped
          << " dropped by verification, " << none << " without an automatic edit";
  if (a.write && !report.changed_files.empty()) {
    env.err << " (" << report.changed_files.size() << (report.changed_files.size() == 1 ? " file" : " files")
            << " changed)";
  }
  env.err << "\n";
  return 0;
}

}  // namespace chartproof::cli
