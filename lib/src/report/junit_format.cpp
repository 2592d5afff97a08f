// JUnit XML for GitLab and other CI test reports: a testcase per resource (and per chart-level check),
// failing for its findings at or above --fail-on; milder findings are notes (<system-out>), so the
// report agrees with the exit code.
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "chartproof/report.hpp"
#include "report/markup.hpp"
#include "support/utf8.hpp"

namespace chartproof {
namespace {

struct Case {
  std::string name;
  std::vector<const Finding*> failures;  ///< at or above the threshold
  std::vector<const Finding*> notes;     ///< below it: <system-out>, not a failure
};

std::string finding_line(const Finding& f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
         std::string(severity_name(f.severity)) + ": " + f.message + value_source_suffix(f) + " [" + f.rule + "]";
}

}  // namespace

std::string format_junit(const LintReport& report, std::optional<Severity> fail_on) {
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
  // One testcase per resource (its findings are its failures), so a report of 11 objects has about
  // 11 testcases, not one per resource x rule.
  std::map<std::string, int> seen;  // duplicates of the same object get #2, #3
  // Every document of a file by its first line, with the testcase of its first object if it has one:
  // a document-level finding (duplicate-key) joins its document's object; one in a document without
  // an object (invalid-yaml) gets a testcase of its own, never the previous document's.
  struct DocumentCase {
    std::string suite, key;  ///< empty key: the document holds no object
  };
  std::map<std::string, std::map<std::uint32_t, DocumentCase>> document_case;
  for (const auto& input : report.inputs) {
    for (const ParsedDocument& d : input->graph.documents()) {
      if (d.file) document_case[d.file->path].emplace(d.first_line, DocumentCase{resource_suite(d), ""});
    }
  }
  for (const auto& input : report.inputs) {
    for (const Resource& r : input->graph.resources()) {
      std::string file = resource_suite(*r.document);
      std::string base = resource_name(r.ref);
      int n = ++seen[file + "\n" + base];
      std::string key = n == 1 ? base : base + " #" + std::to_string(n);
      suites[file][key].name = key;
      if (r.document->file) {
        DocumentCase& dc = document_case[r.document->file->path][r.document->first_line];
        if (dc.key.empty()) dc = DocumentCase{file, key};
      }
    }
  }
  auto case_of_document = [&](const Finding& f) -> Case* {
    std::string file = f.rendered ? f.rendered->file : f.file;
    std::uint32_t line = f.rendered ? f.rendered->line : f.line;
    auto in_file = document_case.find(file);
    if (in_file == document_case.end()) return nullptr;
    auto after = in_file->second.upper_bound(line);
    if (after == in_file->second.begin()) return nullptr;
    const auto& [first_line, doc] = *std::prev(after);
    if (!doc.key.empty()) return &suites[doc.suite][doc.key];
    Case& own = suites[doc.suite]["document at line " + std::to_string(first_line)];
    own.name = "document at line " + std::to_string(first_line);
    return &own;
  };
  // Chart-level rules ran once per chart folder: one testcase each, in the suite of its Chart.yaml.
  for (const ChartFolder* chart : report.charts()) {
    for (const auto& run : report.rules) {
      if (run.meta.checks(RuleSubject::Chart))
        suites[chart->chart_yaml.file->path]["chart " + run.meta.id].name = run.meta.id + " chart " + chart->dir;
    }
  }
  // A chart-level finding (in Chart.yaml or a values file) belongs to its chart's testcase.
  auto chart_of = [&](const Finding& f) -> const ChartFolder* {
    for (const ChartFolder* chart : report.charts()) {
      if (chart->chart_yaml.file && chart->chart_yaml.file->path == f.file) return chart;
      for (const auto& file : chart->files) {
        if (file->path == f.file) return chart;
      }
    }
    return nullptr;
  };
  // A testcase per object: a grouped finding (one fix, several objects) fails each object's case.
  const std::vector<Finding> each = ungrouped(report.findings);
  for (const auto& f : each) {
    Case* c = nullptr;
    if (const ChartFolder* chart = f.has_resource() ? nullptr : chart_of(f)) {
      c = &suites[chart->chart_yaml.file->path]["chart " + f.rule];
      if (c->name.empty()) c->name = f.rule + " chart " + chart->dir;
    } else if (Case* in_document = f.has_resource() ? nullptr : case_of_document(f)) {
      c = in_document;
    } else {
      std::string name = f.has_resource() ? resource_name(f.resource) : "document at line " + std::to_string(f.line);
      c = &suites[finding_suite(f)][name];
      if (c->name.empty()) c->name = name;
    }
    // A testcase fails only for what fails the run (--fail-on); the rest are notes beside it.
    bool fails = fail_on && f.severity >= *fail_on;
    (fails ? c->failures : c->notes).push_back(&f);
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
    out << "  <testsuite name=\"" << report::markup_escape(file) << "\" tests=\"" << cases.size() << "\" failures=\""
        << suite_failures << "\">\n";
    for (const auto& [key, c] : cases) {
      out << "    <testcase classname=\"" << report::markup_escape(file) << "\" name=\""
          << report::markup_escape(c.name) << "\"";
      if (c.failures.empty() && c.notes.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      if (!c.failures.empty()) {
        const Finding& first = *c.failures.front();
        out << "      <failure type=\"" << severity_name(first.severity) << "\" message=\""
            << report::markup_escape(first.message) << "\">";
        for (const Finding* f : c.failures) out << report::markup_escape(finding_line(*f)) << "\n";
        out << "</failure>\n";
      }
      if (!c.notes.empty()) {
        out << "      <system-out>";
        for (const Finding* f : c.notes) out << report::markup_escape(finding_line(*f)) << "\n";
        out << "</system-out>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace chartproof
