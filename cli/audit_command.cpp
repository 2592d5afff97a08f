#include "audit_command.hpp"

#include <algorithm>
#include <ostream>

#include "chartproof/audit.hpp"
#include "chartproof/formats.hpp"
#include "chartproof/report.hpp"
#include "cli_support.hpp"

namespace chartproof::cli {
namespace {

constexpr int kExitUsage = 2;

// The CLI's own progress bar, on stderr when it is a terminal: redrawn in place, cleared at the end.
void draw_progress(std::ostream& err, std::size_t done, std::size_t total) {
  constexpr std::size_t kWidth = 30;
  std::size_t filled = total == 0 ? kWidth : done * kWidth / total;
  err << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] " << done << "/" << total
      << " tasks" << std::flush;
  if (done == total) err << "\r" << std::string(kWidth + 24, ' ') << "\r" << std::flush;
}

}  // namespace

CLI::App* add_audit_command(CLI::App& app, AuditArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "audit", "Lint every chart x environment x Kubernetes version of a matrix file (docs/fleet.md)");
  cmd->add_option("matrix", a.matrix, "The matrix file (policies/schema/audit.schema.json)")->required();
  cmd->add_option("--format", a.formats,
                  "Output format: " + format_name_list(kFormatAudit) + " (text: a summary); NAME=FILE writes to a file")
      ->allow_extra_args(false);
  cmd->add_option("--output,-o", a.output, "Write the report to this file instead of standard output");
  cmd->add_option("--fail-on", a.fail_on, "Exit 1 when a finding of any task is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  cmd->add_option("--jobs,-j", a.jobs, "Tasks at once on this machine; 0 = one per core")->capture_default_str();
  cmd->add_option("--scheduler", a.scheduler,
                  "Run the tasks on a Dask cluster (tcp://HOST:8786) through the chartproof Python package");
  cmd->add_option("--python", a.python, "The Python that runs the Dask engine (--scheduler)")->capture_default_str();
  cmd->add_option("--progress", a.progress, "Progress bar on stderr (auto: when it is a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  a.flags.add(cmd, kUseAudit);
  return cmd;
}

int run_audit_command(const AuditArgs& a, Environment& env) {
  auto targets = format_targets(a.formats, a.output, format_names(kFormatAudit), env.err);
  if (!targets) return kExitUsage;
  auto matrix = load_audit_matrix(a.matrix);
  if (!matrix) {
    env.err << "chartproof: " << matrix.error().to_string() << "\n";
    return kExitUsage;
  }
  bool progress = a.progress == "always" || (a.progress == "auto" && env.stderr_is_terminal);
  // The lint settings of every task, whichever engine runs them.
  LintRequest base;
  base.catalogue = env.catalogue;
  if (auto wrong = a.flags.apply(base)) {
    env.err << "chartproof: " << *wrong << "\n";
    return kExitUsage;
  }
  std::vector<AuditResult> results;
  if (!a.scheduler.empty()) {
    // The Dask engine gets the request as data (a JSON file), not as lint flags to parse again.
    auto gathered = run_audit_on_dask(AuditRequest{a.matrix, a.scheduler, std::move(base)}, a.python);
    if (!gathered) {
      env.err << "chartproof: " << gathered.error().to_string() << "\n";
      return kExitUsage;
    }
    results = std::move(gathered.value());
  } else {
    std::function<void(std::size_t, std::size_t)> on_progress;
    if (progress) on_progress = [&env](std::size_t done, std::size_t total) { draw_progress(env.err, done, total); };
    results = run_audit(matrix.value(), base, a.jobs, on_progress);
  }
  auto write = [&](const std::string& format, std::ostream& out) { write_audit(results, format, out); };
  for (const auto& t : *targets) {
    if (t.file.empty()) {
      write(t.format, env.out);
    } else if (!write_whole_file(t.file, [&](std::ostream& out) { write(t.format, out); })) {
      env.err << "chartproof: " << t.file << ": cannot write the " << t.format << " report\n";
      return kExitUsage;
    }
  }
  // A failed task means part of the fleet was not checked: the audit fails after reporting it.
  AuditTotals totals = audit_totals(results);
  if (totals.failed > 0) {
    env.err << "chartproof: " << totals.failed << " of " << totals.tasks
            << " tasks could not be linted (their errors are in the report)\n";
    return kExitUsage;
  }
  if (a.fail_on == "never") return 0;
  return audit_ok(results, *parse_severity(a.fail_on)) ? 0 : 1;
}

}  // namespace chartproof::cli
