// The HTML report: one self-contained page people open first. Everything is inline (style, a few
// lines of script for the filters); nothing is fetched. Built from typed reports, so an audit whose
// tasks ran on other machines (their reports read back) makes the same page as a local run.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "chartproof/report.hpp"
#include "report/markup.hpp"

namespace chartproof {
namespace {

std::string escape(std::string_view text) { return report::markup_escape(text); }

// An anchor from any text: letters, digits, '-' and '_' kept, the rest '-'.
std::string anchor(std::string_view text) {
  std::string out;
  for (char c : text) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  return out;
}

struct Counts {
  std::size_t error = 0, warning = 0, info = 0;
  std::size_t& of(std::string_view severity) {
    return severity == "error" ? error : severity == "warning" ? warning : info;
  }
  std::size_t total() const { return error + warning + info; }
};

// The chart a finding belongs to in a single run: the chart folder its file is in, else its file.
std::string chart_of(const Finding& finding, const std::vector<std::string>& charts) {
  const std::string& file = finding.file;
  for (const auto& dir : charts) {
    if (file.compare(0, dir.size(), dir) == 0 && (file.size() == dir.size() || file[dir.size()] == '/')) return dir;
  }
  return file;
}

// Errors first, then warnings, then info.
int severity_rank(Severity severity) { return severity == Severity::Error ? 0 : severity == Severity::Warning ? 1 : 2; }

// What makes two tasks' findings the same finding: the chart, rule, severity, place and message (an
// audit repeats it for every Kubernetes version, and every environment that does not change it).
std::string repeat_key(const std::string& chart, const Finding& f) {
  return chart + '\x1f' + f.rule + '\x1f' + std::string(severity_name(f.severity)) + '\x1f' + f.file + ':' +
         std::to_string(f.line) + ':' + std::to_string(f.column) + '\x1f' + f.message;
}

constexpr const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
main{padding:16px 24px;max-width:1400px}section.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:12px 16px;margin-bottom:16px}
h2{font-size:16px;margin:4px 0 10px}h3{font-size:15px;margin:0 0 6px}
.totals span{display:inline-block;margin-right:18px;font-size:15px}.totals b{font-size:22px;margin-right:4px}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:3px 8px;text-align:left;font-size:13px}
th{background:#f6f8fa}td.cell{text-align:center;min-width:70px}
.sev-error{color:#cf222e}.sev-warning{color:#9a6700}.sev-info{color:#0969da}
td.hot-error{background:#ffebe9}td.hot-warning{background:#fff8c5}td.hot-info{background:#ddf4ff}
.overview{display:flex;gap:16px;flex-wrap:wrap}.overview>div{flex:1 1 320px}
.finding{border-top:1px solid #eaeef2;padding:8px 0}.finding .head{font-family:ui-monospace,monospace;font-size:13px}
.finding pre{background:#f6f8fa;padding:6px 8px;margin:6px 0;overflow-x:auto;font-size:12px}
.remedy{color:#57606a}.failed{background:#ffebe9;border-color:#ff8182}.rule{color:#57606a}
a.self{color:#8c959f;text-decoration:none;margin-left:6px}.filters select{margin-right:12px}
.meta{color:#57606a;font-size:13px}.also{color:#57606a;font-size:12px}
)";

constexpr const char* kScript = R"(
function applyFilters(){
  var sev=document.getElementById('filter-severity').value, rule=document.getElementById('filter-rule').value;
  var shown=0, filtering=sev!==''||rule!=='';
  document.querySelectorAll('.finding').forEach(function(f){
    var show=(sev===''||f.dataset.severity===sev)&&(rule===''||f.dataset.rule===rule);
    f.style.display=show?'':'none';
    if(show)shown++;
  });
  // A card the filter leaves without findings is hidden (a task that failed stays: it says why).
  document.querySelectorAll('section.task').forEach(function(c){
    var any=Array.prototype.some.call(c.querySelectorAll('.finding'),function(f){return f.style.display!=='none';});
    c.style.display=(filtering&&!any&&!c.classList.contains('failed'))?'none':'';
  });
  document.getElementById('shown-count').textContent=shown;
}
document.getElementById('filter-severity').addEventListener('change',applyFilters);
document.getElementById('filter-rule').addEventListener('change',applyFilters);
// A filtered view is linkable: #severity=error&rule=run-as-root (a plain #anchor names a finding).
if(location.hash.indexOf('=')>0){
  location.hash.substring(1).split('&').forEach(function(kv){
    var p=kv.split('='),el=document.getElementById('filter-'+p[0]);
    if(el)el.value=decodeURIComponent(p[1]||'');
  });
  applyFilters();
}
)";

}  // namespace

std::string format_html(const std::vector<HtmlSection>& sections, std::string_view title) {
  Counts totals;
  std::size_t failed = 0, findings_total = 0;
  std::vector<std::string> chart_order;
  std::map<std::string, std::map<std::string, Counts>> heat;  // chart -> pack -> counts
  std::map<std::string, Counts> by_chart;
  std::map<std::string, std::pair<std::size_t, std::size_t>> chart_tasks;  // chart -> (tasks, failed)
  std::set<std::string> packs;
  std::map<std::string, std::pair<std::size_t, std::string>> rules;  // rule -> (count, severity)
  // An audit: a finding repeated in several tasks of its chart is shown once; the tasks holding it.
  std::map<std::string, std::vector<std::size_t>> tasks_of;
  // Per section, per finding (report order): its entry of tasks_of, found once; null in a single run.
  std::vector<std::vector<const std::vector<std::size_t>*>> repeats(sections.size());
  // An audit: environment x Kubernetes version, each cell over every chart's task.
  std::vector<std::string> environments, versions;
  std::map<std::pair<std::string, std::string>, Counts> grid;
  std::map<std::pair<std::string, std::string>, std::pair<std::size_t, std::size_t>> grid_tasks;  // (tasks, failed)
  auto add_unique = [](std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
  };
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const HtmlSection& s = sections[i];
    if (!s.error.empty()) ++failed;
    const bool in_grid = !s.environment.empty() || !s.kube_version.empty();
    std::pair<std::string, std::string> cell{s.environment.empty() ? "default" : s.environment,
                                             s.kube_version.empty() ? "default" : s.kube_version};
    if (in_grid) {
      add_unique(environments, cell.first);
      add_unique(versions, cell.second);
      ++grid_tasks[cell].first;
      if (!s.error.empty()) ++grid_tasks[cell].second;
    }
    if (!s.chart.empty() && !by_chart.count(s.chart)) {
      chart_order.push_back(s.chart);
      by_chart[s.chart];
    }
    if (!s.chart.empty()) {
      ++chart_tasks[s.chart].first;
      if (!s.error.empty()) ++chart_tasks[s.chart].second;
    }
    if (!s.error.empty() || s.report == nullptr) continue;
    std::vector<std::string> chart_dirs;
    for (const ChartMapStats& c : s.report->chart_maps) chart_dirs.push_back(c.dir);
    for (const Finding& f : s.report->findings) {
      std::string chart = s.chart.empty() ? chart_of(f, chart_dirs) : s.chart;
      if (!by_chart.count(chart)) chart_order.push_back(chart);
      std::string severity(severity_name(f.severity));
      const std::string& pack = f.pack;
      const std::string& rule = f.rule;
      ++by_chart[chart].of(severity);
      ++heat[chart][pack].of(severity);
      packs.insert(pack);
      ++totals.of(severity);
      ++findings_total;
      auto& r = rules[rule];
      ++r.first;
      r.second = severity;
      if (in_grid) ++grid[cell].of(severity);
      const std::vector<std::size_t>* repeat = nullptr;
      if (!s.chart.empty()) {
        auto& tasks = tasks_of[repeat_key(s.chart, f)];
        if (tasks.empty() || tasks.back() != i) tasks.push_back(i);
        repeat = &tasks;
      }
      repeats[i].push_back(repeat);
    }
  }
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      << "<title>" << escape(title) << "</title><style>" << kStyle << "</style></head><body>\n"
      << "<header><h1>" << escape(title) << "</h1></header><main>\n";
  // Overview: totals, the heatmap, the rules that fire most, the charts with most errors.
  out << "<section class=\"card\" id=\"overview\"><h2>Overview</h2><div class=\"totals\">";
  if (!sections.empty() && !sections.front().id.empty()) {
    out << "<span><b id=\"total-tasks\">" << sections.size() << "</b>tasks</span><span><b id=\"total-failed\">"
        << failed << "</b>failed</span>";
  }
  out << "<span class=\"sev-error\"><b id=\"total-error\">" << totals.error << "</b>errors</span>"
      << "<span class=\"sev-warning\"><b id=\"total-warning\">" << totals.warning << "</b>warnings</span>"
      << "<span class=\"sev-info\"><b id=\"total-info\">" << totals.info << "</b>info</span></div>\n";
  const bool audit = !chart_tasks.empty();
  out << "<div class=\"overview\"><div><h3>Findings by chart and pack</h3><table id=\"heatmap\"><tr><th>chart</th>";
  if (audit) out << "<th>tasks</th><th>failed</th>";
  for (const auto& pack : packs) out << "<th>" << escape(pack) << "</th>";
  out << "</tr>\n";
  for (const auto& chart : chart_order) {
    out << "<tr><th>" << escape(chart) << "</th>";
    if (audit) {
      auto [tasks, failed_tasks] = chart_tasks[chart];
      out << "<td class=\"tasks\">" << tasks << "</td><td class=\"failed-tasks" << (failed_tasks ? " hot-error" : "")
          << "\">" << failed_tasks << "</td>";
    }
    for (const auto& pack : packs) {
      Counts c;
      if (auto it = heat[chart].find(pack); it != heat[chart].end()) c = it->second;
      const char* hot = c.error ? " hot-error" : c.warning ? " hot-warning" : c.info ? " hot-info" : "";
      out << "<td class=\"cell" << hot << "\" data-chart=\"" << escape(chart) << "\" data-pack=\"" << escape(pack)
          << "\" data-error=\"" << c.error << "\" data-warning=\"" << c.warning << "\" data-info=\"" << c.info
          << "\" title=\"" << c.error << " errors, " << c.warning << " warnings, " << c.info << " info\">";
      if (c.total() > 0) {
        out << "<span class=\"sev-error\">" << c.error << "</span> / <span class=\"sev-warning\">" << c.warning
            << "</span> / <span class=\"sev-info\">" << c.info << "</span>";
      }
      out << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table><p class=\"meta\">errors / warnings / info</p></div>\n";
  if (!environments.empty()) {
    out << "<div><h3>Findings by environment and Kubernetes version</h3><table id=\"grid\"><tr><th>environment</th>";
    for (const auto& version : versions) out << "<th>" << escape(version) << "</th>";
    out << "</tr>\n";
    for (const auto& env : environments) {
      out << "<tr><th>" << escape(env) << "</th>";
      for (const auto& version : versions) {
        Counts c;
        if (auto it = grid.find({env, version}); it != grid.end()) c = it->second;
        auto [tasks, failed_tasks] = grid_tasks[{env, version}];
        const char* hot = failed_tasks || c.error ? " hot-error"
                          : c.warning             ? " hot-warning"
                          : c.info                ? " hot-info"
                                                  : "";
        out << "<td class=\"cell" << hot << "\" data-environment=\"" << escape(env) << "\" data-version=\""
            << escape(version) << "\" data-tasks=\"" << tasks << "\" data-failed=\"" << failed_tasks
            << "\" data-error=\"" << c.error << "\" data-warning=\"" << c.warning << "\" data-info=\"" << c.info
            << "\" title=\"" << tasks << " tasks (" << failed_tasks << " failed): " << c.error << " errors, "
            << c.warning << " warnings, " << c.info << " info\">";
        if (tasks > 0) {
          out << "<span class=\"sev-error\">" << c.error << "</span> / <span class=\"sev-warning\">" << c.warning
              << "</span> / <span class=\"sev-info\">" << c.info << "</span>";
          if (failed_tasks) out << " <b class=\"sev-error\">" << failed_tasks << " failed</b>";
        }
        out << "</td>";
      }
      out << "</tr>\n";
    }
    out << "</table><p class=\"meta\">errors / warnings / info over every chart's task</p></div>\n";
  }
  std::vector<std::pair<std::string, std::pair<std::size_t, std::string>>> top(rules.begin(), rules.end());
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  out << "<div><h3>Rules that fire most</h3><ol id=\"top-rules\">";
  for (std::size_t i = 0; i < top.size() && i < 10; ++i) {
    out << "<li class=\"top-rule\" data-rule=\"" << escape(top[i].first) << "\" data-count=\"" << top[i].second.first
        << "\"><span class=\"sev-" << escape(top[i].second.second) << "\">" << escape(top[i].first) << "</span> "
        << top[i].second.first << "</li>";
  }
  out << "</ol></div>\n";
  std::vector<std::pair<std::string, std::size_t>> worst;
  for (const auto& [chart, c] : by_chart) {
    if (c.error > 0) worst.emplace_back(chart, c.error);
  }
  std::stable_sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  out << "<div><h3>Charts with most errors</h3><ol id=\"worst-charts\">";
  for (std::size_t i = 0; i < worst.size() && i < 10; ++i) {
    out << "<li data-chart=\"" << escape(worst[i].first) << "\" data-errors=\"" << worst[i].second << "\">"
        << escape(worst[i].first) << " <span class=\"sev-error\">" << worst[i].second << "</span></li>";
  }
  if (worst.empty()) out << "<li>none</li>";
  out << "</ol></div></div></section>\n";
  // Filters.
  out << "<section class=\"card filters\"><label>Severity <select id=\"filter-severity\"><option "
         "value=\"\">all</option>"
      << "<option>error</option><option>warning</option><option>info</option></select></label>"
      << "<label>Rule <select id=\"filter-rule\"><option value=\"\">all</option>";
  for (const auto& [rule, c] : rules) out << "<option>" << escape(rule) << "</option>";
  std::size_t distinct = findings_total;
  for (const auto& [key, tasks] : tasks_of) distinct -= tasks.size() - 1;
  out << "</select></label><span class=\"meta\"><b id=\"shown-count\">" << distinct << "</b> findings shown";
  if (distinct != findings_total) out << " (" << findings_total << " over every task: repeats are shown once)";
  out << "</span></section>\n";
  // Each section's findings.
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const HtmlSection& s = sections[i];
    std::string id = s.id.empty() ? "run" : anchor(s.id);
    out << "<section class=\"card task" << (s.error.empty() ? "" : " failed") << "\" id=\"" << id << "\">";
    if (!s.id.empty()) {
      out << "<h2>" << escape(s.id) << "<a class=\"self\" href=\"#" << id << "\">#</a></h2>";
    }
    if (!s.error.empty()) {
      out << "<p class=\"error\"><b>Could not be linted:</b></p><pre>" << escape(s.error) << "</pre></section>\n";
      continue;
    }
    if (s.report == nullptr) {
      out << "</section>\n";
      continue;
    }
    const std::vector<Finding>& list = s.report->findings;
    if (list.empty()) out << "<p class=\"meta\">no findings</p>";
    // Errors first; within a severity, the report's order (file, line).
    std::vector<std::size_t> order(list.size());
    for (std::size_t k = 0; k < list.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return severity_rank(list[a].severity) < severity_rank(list[b].severity);
    });
    std::size_t repeated = 0;
    for (std::size_t k : order) {
      const Finding& f = list[k];
      const std::vector<std::size_t>* tasks = repeats[i][k];
      if (tasks && tasks->front() != i) {  // shown in an earlier task of this chart
        ++repeated;
        continue;
      }
      std::string fid = id + "-" + std::to_string(k + 1);
      std::string severity(severity_name(f.severity));
      out << "<div class=\"finding\" id=\"" << fid << "\" data-severity=\"" << escape(severity) << "\" data-tasks=\""
          << (tasks ? tasks->size() : 1) << "\" data-rule=\"" << escape(f.rule) << "\"><div class=\"head\">"
          << escape(f.file) << ":" << f.line << ":" << f.column << " <span class=\"sev-" << escape(severity) << "\">"
          << escape(severity) << "</span>: " << escape(f.message) << " <span class=\"rule\">[" << escape(f.rule)
          << "]</span><a class=\"self\" href=\"#" << fid << "\">#</a></div>";
      if (k < s.details.size() && !s.details[k].empty()) out << "<pre>" << escape(s.details[k]) << "</pre>";
      if (tasks && tasks->size() > 1) {
        out << "<div class=\"also\">also in";
        for (std::size_t t = 1; t < tasks->size(); ++t) {
          const std::string& other = sections[(*tasks)[t]].id;
          out << (t == 1 ? " " : ", ") << "<a href=\"#" << anchor(other) << "\">" << escape(other) << "</a>";
        }
        out << "</div>";
      }
      const std::string& remedy = f.remediation;
      if (!remedy.empty()) out << "<div class=\"remedy\">Fix: " << escape(remedy) << "</div>";
      out << "</div>\n";
    }
    if (repeated > 0) {
      out << "<p class=\"meta repeated\">" << repeated << (repeated == 1 ? " finding" : " findings")
          << " also in an earlier task of this chart, shown there</p>";
    }
    out << "</section>\n";
  }
  out << "</main><script>" << kScript << "</script></body></html>\n";
  return out.str();
}

std::string format_html(const LintReport& report) {
  HtmlSection section;
  section.report = &report;
  section.details = finding_details(report);
  return format_html({section}, "chartproof lint");
}

}  // namespace chartproof
