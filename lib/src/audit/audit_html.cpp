// The audit's HTML report: a section per task, counted under its chart in the overview.
#include "chartproof/audit.hpp"
#include "chartproof/report.hpp"

namespace chartproof {

std::string format_audit_html(const std::vector<AuditResult>& results) {
  std::vector<HtmlSection> sections;
  sections.reserve(results.size());
  for (const auto& r : results) {
    sections.push_back(HtmlSection{r.task.id, r.task.chart, r.error, r.report ? &*r.report : nullptr, r.details,
                                   r.task.environment, r.task.kube_version});
  }
  return format_html(sections, "chartproof audit");
}

}  // namespace chartproof
