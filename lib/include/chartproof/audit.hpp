#pragma once
/// \file
/// Fleet audits: every chart x environment (a set of values files) x Kubernetes version of a
/// matrix file is one task, a render and a lint as `chartproof lint CHART -f ...` would do it. The
/// tasks are independent, so they run concurrently here (run_audit) or on any engine that can call
/// run_audit_task on another machine (the Python package's Dask engine); the results are put
/// together in task order, so every engine gives the same report.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/request.hpp"

namespace chartproof {

/// One combination of the matrix.
struct AuditTask {
  std::string id;           ///< CHART@ENVIRONMENT@VERSION, unique in the audit (SARIF automationDetails.id)
  std::string chart;        ///< a chart folder or .tgz, as the matrix's reader names it
  std::string environment;  ///< the environment's name; "default" when the matrix names none
  std::vector<std::string> values_files;  ///< helm -f, in order
  std::string kube_version;               ///< empty: the policy's version or the default
  std::string policy_file;                ///< empty: discovered from the chart's folder
};

/// A matrix file, expanded into its tasks (in file order; globs sorted).
struct AuditMatrix {
  std::string file;
  std::vector<AuditTask> tasks;
  std::string profile;  ///< the matrix's `profile`, for every task
  std::string release;
  std::string namespace_;
  std::size_t charts = 0;  ///< distinct charts
};

/// Reads a matrix file (policies/schema/audit.schema.json): errors are located at the line of the
/// matrix that causes them, including a chart path or glob that names no chart.
Expected<AuditMatrix> load_audit_matrix(const std::string& path);
Expected<AuditMatrix> parse_audit_matrix(std::string_view text, const std::string& file);
/// The matrix file's JSON Schema.
std::string_view audit_matrix_schema();

/// What a task left: a failed task has its error (helm's, located; a timeout) and no report.
struct AuditResult {
  AuditTask task;
  std::string error;
  /// The task's report, typed. Its parsed inputs are dropped when the task ends (a fleet holds
  /// findings, not documents): what the formats need from them is in the report (skipped files,
  /// chart maps) and in `details`.
  std::optional<LintReport> report;
  std::vector<std::string> details;  ///< finding_details of the report (the HTML report shows them)
};

/// Where a fleet worker unpacked what a task names: (path as loaded, path as the matrix names it).
/// Findings and errors then name the matrix's paths, never the worker's temporary folder.
using ShownPaths = std::vector<std::pair<std::string, std::string>>;

/// The request every task of `matrix` starts from: `base` (the CLI's flags, the Python keywords),
/// with the matrix's profile, release and namespace where `base` sets none.
LintRequest audit_request(const AuditMatrix& matrix, LintRequest base);

/// Runs one task: `base` carries what is not in the task (helm, timeout, enable/disable, schema
/// folders). Never throws or fails: what goes wrong is the result's error.
AuditResult run_audit_task(const AuditTask& task, const LintRequest& base, const ShownPaths& shown = {});

/// Runs every task, `jobs` at a time (0: one per core); `progress(done, total)` after each.
std::vector<AuditResult> run_audit(const AuditMatrix& matrix, const LintRequest& base, unsigned jobs = 0,
                                   const std::function<void(std::size_t, std::size_t)>& progress = {});

/// What `chartproof audit --scheduler` hands the Dask engine, as data: the matrix, the scheduler,
/// and the lint settings of every task (policies/schema/audit-request.schema.json).
struct AuditRequest {
  std::string matrix;
  std::string scheduler;
  LintRequest base;  ///< helm, its timeout, profile, policy files, enable, disable, schema dirs and mode
};
/// The request as its versioned JSON (apiVersion chartproof.io/v1, kind AuditRequest).
std::string audit_request_json(const AuditRequest& request);
/// Reads a request back, checked against its JSON Schema first: an error names the file and the
/// field, and no task runs.
Expected<AuditRequest> parse_audit_request(std::string_view text, const std::string& file);
/// Reads an audit request file (what `python -m chartproof.fleet --request FILE` is given).
Expected<AuditRequest> load_audit_request(const std::string& path);

/// Runs the matrix's tasks on a Dask cluster through `python -m chartproof.fleet --request FILE`
/// (the Python package's engine, given the request as a JSON file) and reads its results.
Expected<std::vector<AuditResult>> run_audit_on_dask(const AuditRequest& request, const std::string& python);

/// Totals over every task.
struct AuditTotals {
  std::size_t tasks = 0, failed = 0, error = 0, warning = 0, info = 0;
};
AuditTotals audit_totals(const std::vector<AuditResult>& results);
/// True when no task failed and nothing is at or above `fail_on`.
bool audit_ok(const std::vector<AuditResult>& results, Severity fail_on);

/// One JSON report: per task its chart, environment, values, version and status, and its lint
/// report (findings with template locations) or its error.
std::string format_audit_json(const std::vector<AuditResult>& results);
/// One SARIF log with a run per task (automationDetails.id names the task; a failed task's run
/// carries its error as a tool execution notification).
std::string format_audit_sarif(const std::vector<AuditResult>& results);
/// The terminal summary: charts x severities, the rules that fire most, failed tasks.
std::string format_audit_summary(const std::vector<AuditResult>& results);
/// One self-contained HTML page (format_html): an overview, then every task's findings.
std::string format_audit_html(const std::vector<AuditResult>& results);

/// Writes an audit in an audit format of output_formats() (text is the summary); false (nothing
/// written) when `format` is not one.
bool write_audit(const std::vector<AuditResult>& results, std::string_view format, std::ostream& out);

/// The report of a result as it crosses machines (a worker hands it back): the JSON report with what
/// the other formats need besides (policies/schema/report.schema.json); empty for a failed task.
std::string audit_report_interchange(const AuditResult& result);

/// A result an engine brought back: its report's interchange JSON is read into a typed report,
/// checked against policies/schema/report.schema.json first. A report that cannot be read (a worker
/// returned garbage, a truncated transfer) makes a failed task that says why, so that no total,
/// report or exit code counts a task that checked nothing as clean. Every result an engine brings
/// back is made here.
AuditResult audit_result_from_interchange(AuditTask task, std::string error, std::string_view report,
                                          std::vector<std::string> details);

/// The results an engine gathered, read back from their interchange JSON (a list of objects with
/// task, error, report, details), as the Dask engine returns them to the CLI.
Expected<std::vector<AuditResult>> parse_audit_results(std::string_view json);
std::string format_audit_results(const std::vector<AuditResult>& results);

}  // namespace chartproof
