// Running an audit's tasks: each is `chartproof lint CHART -f ... --kube-version V` through the one
// entry point (lint_request), with its failure kept as its result instead of ending the audit.
#include <algorithm>
#include <atomic>
#include <mutex>

#include "chart/packaged_chart.hpp"
#include "chartproof/audit.hpp"
#include "chartproof/report.hpp"
#include "support/parallel.hpp"

namespace chartproof {
namespace {

// A policy file shipped to a worker is read from its temporary copy: its findings (an unused
// exemption) name the copy until renamed. Chart files were renamed when the chart was loaded.
void rename_findings(LintReport& report, const ShownPaths& shown) {
  for (auto* list : {&report.findings, &report.baselined}) {
    for (Finding& f : *list) {
      chart::rename(f.file, shown);
      for (auto* at : {&f.rendered, &f.template_line, &f.include_site, &f.value_source}) {
        if (*at) chart::rename((*at)->file, shown);
      }
    }
  }
}

}  // namespace
LintRequest audit_request(const AuditMatrix& matrix, LintRequest base) {
  if (base.profile.empty() && base.policy_files.empty()) base.profile = matrix.profile;
  if (!matrix.release.empty()) base.chart.release = matrix.release;
  if (!matrix.namespace_.empty() && base.chart.namespace_.empty()) base.chart.namespace_ = matrix.namespace_;
  return base;
}

AuditResult run_audit_task(const AuditTask& task, const LintRequest& base, const ShownPaths& shown) {
  AuditResult result;
  result.task = task;
  chart::rename(result.task.chart, shown);
  for (auto& f : result.task.values_files) chart::rename(f, shown);
  chart::rename(result.task.policy_file, shown);
  LintRequest request = base;
  request.paths = {task.chart};
  request.texts.clear();
  request.charts_of = false;
  request.chart_source.clear();
  request.chart.values_files = task.values_files;
  if (!task.kube_version.empty()) request.kube_version = task.kube_version;
  // The policy was resolved when the matrix was read; the CLI's --policy/--profile win over it.
  request.discover_policy = false;
  if (request.profile.empty() && request.policy_files.empty() && !task.policy_file.empty()) {
    request.policy_files = {task.policy_file};
  }
  request.shown_paths.insert(request.shown_paths.end(), shown.begin(), shown.end());
  request.jobs = 1;  // the tasks are the parallelism
  try {
    auto report = lint_request(request);
    if (!report) {
      Error e = report.error();
      chart::rename_paths(e, shown);
      result.error = e.to_string();
      return result;
    }
    if (!report->errors.empty()) {
      result.error = report->errors.front().to_string();
      return result;
    }
    if (!shown.empty()) rename_findings(report.value(), shown);
    result.details = finding_details(report.value());
    result.report = std::move(report.value());
    result.report->inputs.clear();  // the documents: the formats need only what the report holds now
  } catch (const std::exception& e) {
    result.error = std::string("internal error: ") + e.what();
  }
  return result;
}

std::vector<AuditResult> run_audit(const AuditMatrix& matrix, const LintRequest& base, unsigned jobs,
                                   const std::function<void(std::size_t, std::size_t)>& progress) {
  const LintRequest request = audit_request(matrix, base);
  std::vector<AuditResult> results(matrix.tasks.size());
  std::atomic<std::size_t> done{0};
  std::mutex progress_mutex;
  support::parallel_for(matrix.tasks.size(), jobs, [&](std::size_t i) {
    results[i] = run_audit_task(matrix.tasks[i], request);
    std::size_t n = ++done;
    if (progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      progress(n, matrix.tasks.size());
    }
  });
  return results;
}

}  // namespace chartproof
