// The audit's terminal summary: one row per chart (its findings over all its tasks, by severity),
// the rules that fire most, and every failed task with its error.

#include <algorithm>
#include <map>
#include <sstream>

#include "chartproof/audit.hpp"

namespace chartproof {
namespace {

struct ChartRow {
  std::size_t tasks = 0, failed = 0, error = 0, warning = 0, info = 0;
};

}  // namespace

std::string format_audit_summary(const std::vector<AuditResult>& results) {
  std::vector<std::string> order;
  std::map<std::string, ChartRow> rows;
  std::map<std::string, std::size_t> rules;
  std::size_t environments = 0, versions = 0;
  {
    std::map<std::string, int> envs, vers;
    for (const auto& r : results) {
      envs[r.task.environment] = 1;
      vers[r.task.kube_version] = 1;
    }
    environments = envs.size();
    versions = vers.size();
  }
  for (const auto& r : results) {
    if (!rows.count(r.task.chart)) order.push_back(r.task.chart);
    ChartRow& row = rows[r.task.chart];
    ++row.tasks;
    if (!r.error.empty()) {
      ++row.failed;
      continue;
    }
    if (!r.report) continue;
    for (const Finding& f : r.report->findings) {
      (f.severity == Severity::Error ? row.error : f.severity == Severity::Warning ? row.warning : row.info) += 1;
      ++rules[f.rule];
    }
  }
  AuditTotals totals = audit_totals(results);
  std::size_t width = 5;
  for (const auto& chart : order) width = std::max(width, chart.size());
  std::ostringstream out;
  out << "audit: " << totals.tasks << (totals.tasks == 1 ? " task" : " tasks") << " (" << order.size()
      << (order.size() == 1 ? " chart" : " charts") << " x " << environments
      << (environments == 1 ? " environment" : " environments") << " x " << versions
      << (versions == 1 ? " Kubernetes version" : " Kubernetes versions") << "), " << totals.tasks - totals.failed
      << " linted, " << totals.failed << " failed\n\n";
  auto cell = [&out](const std::string& s, std::size_t w, bool right) {
    if (right)
      out << std::string(w > s.size() ? w - s.size() : 0, ' ') << s;
    else
      out << s << std::string(w > s.size() ? w - s.size() : 0, ' ');
  };
  auto line = [&](const std::string& name, const ChartRow& row) {
    cell(name, width, false);
    const std::pair<std::size_t, std::size_t> columns[] = {
        {row.tasks, 5}, {row.failed, 6}, {row.error, 7}, {row.warning, 7}, {row.info, 7}};
    for (const auto& [n, w] : columns) {
      out << "  ";
      cell(std::to_string(n), w, true);
    }
    out << "\n";
  };
  cell("chart", width, false);
  out << "  tasks  failed    error  warning     info\n";
  for (const auto& chart : order) line(chart, rows[chart]);
  line("total", ChartRow{totals.tasks, totals.failed, totals.error, totals.warning, totals.info});
  if (!rules.empty()) {
    std::vector<std::pair<std::string, std::size_t>> top(rules.begin(), rules.end());
    std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    out << "\nrules that fire most:\n";
    for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
      out << "  " << top[i].second << "  " << top[i].first << "\n";
    }
  }
  if (totals.failed > 0) {
    out << "\nfailed tasks:\n";
    for (const auto& r : results) {
      if (!r.error.empty()) out << "  " << r.task.id << ": " << r.error << "\n";
    }
  }
  return out.str();
}

}  // namespace chartproof
