// JUnit XML for GitLab and other CI test reports: a testcase per resource x rule that ran on it, so
// a clean check shows as a pass and a regression as a new failure.
#include <map>
#include <set>
#include <sstream>

#include "chartproof/report.hpp"
#include "support/utf8.hpp"

namespace chartproof {
namespace {

std::string xml_escape(std::string_view text) {
  std::string valid = support::to_valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (char c : valid) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        // XML 1.0 forbids most control characters even when escaped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.push_back(c);
    }
  }
  return out;
}

struct Case {
  std::string name;
  std::vector<const Finding*> failures;
};

}  // namespace

std::string format_junit(const LintReport& report) {
  // file -> ordered test cases; the key makes names unique (GitLab merges equal names).
  std::map<std::string, std::map<std::string, Case>> suites;
  auto resource_name = [](const ResourceRef& r) {
    return r.kind + "/" + (r.namespace_.empty() ? "" : r.namespace_ + "/") + r.name;
  };
  // Chart mode: a resource's suite is its template file (helm's render is not a file anyone has).
  auto chart_of_render = [&](std::string_view render_path) -> const ChartFolder* {
    for (const ChartFolder* chart : report.charts()) {
      if (chart->render && chart->render->path == render_path) return chart;
    }
    return nullptr;
  };
  auto resource_suite = [&](const ParsedDocument& d) {
    std::string file = d.file ? d.file->path : "";
    const ChartFolder* chart = chart_of_render(file);
    return chart ? chart->template_path(d.template_name) : file;
  };
  auto finding_suite = [&](const Finding& f) {
    const ChartFolder* chart = report.chart_of(f);
    return chart ? chart->template_path(f.template_name) : f.file;
  };
  std::map<std::string, int> seen;  // duplicates of the same object get #2, #3
  for (const auto& input : report.inputs) {
    for (const Resource& r : input->graph.resources()) {
      std::string file = resource_suite(*r.document);
      std::string base = resource_name(r.ref);
      int n = ++seen[file + "\n" + base];
      std::string name = n == 1 ? base : base + " #" + std::to_string(n);
      for (const auto& run : report.rules) {
        // The rules the engine ran on this resource: the same two tests it applies.
        if (!run.meta.inspects(r.ref.kind) || lists_rule(r.ignored, run.meta.id, run.meta.pack)) continue;
        suites[file][name + " " + run.meta.id].name = run.meta.id + " " + name;
      }
    }
  }
  {
    // Chart-level rules ran once per chart folder: one testcase each, in the suite of its Chart.yaml.
    for (const ChartFolder* chart_ptr : report.charts()) {
      const ChartFolder& chart = *chart_ptr;
      for (const auto& run : report.rules) {
        if (run.meta.chart_level)
          suites[chart.chart_yaml.file->path]["chart " + run.meta.id].name = run.meta.id + " chart " + chart.dir;
      }
    }
  }
  // A chart-level finding (in Chart.yaml or a values file) fails its chart's testcase.
  auto chart_of = [&](const Finding& f) -> const ChartFolder* {
    for (const ChartFolder* chart : report.charts()) {
      if (chart->chart_yaml.file && chart->chart_yaml.file->path == f.file) return chart;
      for (const auto& file : chart->files) {
        if (file->path == f.file) return chart;
      }
    }
    return nullptr;
  };
  for (const auto& f : report.findings) {
    if (const ChartFolder* chart = f.has_resource() ? nullptr : chart_of(f)) {
      Case& c = suites[chart->chart_yaml.file->path]["chart " + f.rule];
      if (c.name.empty()) c.name = f.rule + " chart " + chart->dir;
      c.failures.push_back(&f);
      continue;
    }
    std::string name = f.has_resource() ? resource_name(f.resource) : "document at line " + std::to_string(f.line);
    Case& c = suites[finding_suite(f)][name + " " + f.rule];
    if (c.name.empty()) c.name = f.rule + " " + name;
    c.failures.push_back(&f);
  }
  std::ostringstream out;
  std::size_t tests = 0, failures = 0;
  for (const auto& [file, cases] : suites) {
    tests += cases.size();
    for (const auto& [key, c] : cases) failures += !c.failures.empty();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"chartproof\" tests=\"" << tests << "\" failures=\"" << failures << "\">\n";
  for (const auto& [file, cases] : suites) {
    std::size_t suite_failures = 0;
    for (const auto& [key, c] : cases) suite_failures += !c.failures.empty();
    out << "  <testsuite name=\"" << xml_escape(file) << "\" tests=\"" << cases.size() << "\" failures=\""
        << suite_failures << "\">\n";
    for (const auto& [key, c] : cases) {
      out << "    <testcase classname=\"" << xml_escape(file) << "\" name=\"" << xml_escape(c.name) << "\"";
      if (c.failures.empty()) {
        out << "/>\n";
        continue;
      }
      const Finding& first = *c.failures.front();
      out << ">\n      <failure type=\"" << severity_name(first.severity) << "\" message=\""
          << xml_escape(first.message) << "\">";
      for (const Finding* f : c.failures) {
        out << xml_escape(f->file + ":" + std::to_string(f->line) + ":" + std::to_string(f->column) + ": " +
                          std::string(severity_name(f->severity)) + ": " + f->message + value_source_suffix(*f) + " [" +
                          f->rule + "]")
            << "\n";
      }
      out << "</failure>\n    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace chartproof
