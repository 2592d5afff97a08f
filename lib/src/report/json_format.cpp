#include <algorithm>
#include <sstream>

#include "chartproof/report.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"
#include "report/report_interchange.hpp"

namespace chartproof {

namespace report {
namespace {

// The members every position has: its file (under `file_key`), line and column.
void write_place(JsonWriter& w, const char* file_key, const std::string& file, std::uint32_t line,
                 std::uint32_t column) {
  write_key(w, file_key);
  write_string(w, file);
  write_key(w, "line");
  w.Uint(line);
  write_key(w, "column");
  w.Uint(column);
}

void write_position(JsonWriter& w, const std::optional<SourcePosition>& at, const char* file_key) {
  if (!at) {
    w.Null();
    return;
  }
  w.StartObject();
  write_place(w, file_key, at->file, at->line, at->column);
  w.EndObject();
}

void write_finding(JsonWriter& w, const Finding& f, bool interchange) {
  w.StartObject();
  write_key(w, "rule");
  write_string(w, f.rule);
  write_key(w, "pack");
  write_string(w, f.pack);
  write_key(w, "severity");
  write_string(w, severity_name(f.severity));
  write_key(w, "message");
  write_string(w, f.message);
  write_key(w, "resource");
  if (!f.has_resource()) {
    w.Null();
  } else {
    w.StartObject();
    write_key(w, "apiVersion");
    write_string(w, f.resource.api_version);
    write_key(w, "kind");
    write_string(w, f.resource.kind);
    write_key(w, "namespace");
    write_string(w, f.resource.namespace_);
    write_key(w, "name");
    write_string(w, f.resource.name);
    w.EndObject();
  }
  write_key(w, "path");
  write_string(w, f.path);
  write_key(w, "location");
  w.StartObject();
  write_place(w, "file", f.file, f.line, f.column);
  write_key(w, "template");
  write_string(w, f.template_name);
  write_key(w, "mapped");
  w.Bool(f.mapped);
  w.EndObject();
  // Chart mode: helm's output (not a file: "output" names the render), the template line that wrote
  // the text, the include that called a named template, and the values line of the value.
  write_key(w, "rendered");
  write_position(w, f.rendered, "output");
  write_key(w, "template_line");
  write_position(w, f.template_line, "file");
  write_key(w, "include_site");
  write_position(w, f.include_site, "file");
  write_key(w, "value_source");
  write_position(w, f.value_source, "file");
  write_key(w, "remediation");
  write_string(w, f.remediation);
  // chartproof fix: the verified edit, as a replaced region of the file a person edits.
  if (f.fixed_by) {
    const FixReplacement& r = *f.fixed_by;
    write_key(w, "fix");
    w.StartObject();
    write_key(w, "description");
    write_string(w, r.description);
    write_key(w, "file");
    write_string(w, r.file);
    write_key(w, "start_line");
    w.Uint(r.start_line);
    write_key(w, "start_column");
    w.Uint(r.start_column);
    write_key(w, "end_line");
    w.Uint(r.end_line);
    write_key(w, "end_column");
    w.Uint(r.end_column);
    write_key(w, "inserted");
    write_string(w, r.inserted);
    w.EndObject();
  }
  // Chart mode: the same rule at the same edit location on other objects or fields, one fix for all
  // (Finding::more); each as a finding of its own. Empty for a finding about one object.
  write_key(w, "more");
  w.StartArray();
  for (const auto& m : f.more) write_finding(w, m, interchange);
  w.EndArray();
  if (interchange) {
    write_key(w, "keyed_path");
    write_string(w, f.keyed_path);
    write_key(w, "sensitive");
    w.Bool(f.sensitive);
  }
  w.EndObject();
}

void write_rules(JsonWriter& w, const LintReport& rep) {
  write_key(w, "rules");
  w.StartArray();
  for (const RuleRun& run : rep.rules) {
    w.StartObject();
    write_key(w, "id");
    write_string(w, run.meta.id);
    write_key(w, "pack");
    write_string(w, run.meta.pack);
    write_key(w, "severity");
    write_string(w, severity_name(run.severity));
    write_key(w, "summary");
    write_string(w, run.meta.summary);
    write_key(w, "rationale");
    write_string(w, run.meta.rationale);
    write_key(w, "remediation");
    write_string(w, run.meta.remediation);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "helm_test_packs");
  w.StartArray();
  for (const auto& pack : rep.helm_test_packs) write_string(w, pack);
  w.EndArray();
}

void write_report(const LintReport& rep, std::ostream& out, bool interchange);

}  // namespace
}  // namespace report

std::string format_json(const LintReport& report) {
  std::ostringstream out;
  write_json(report, out);
  return std::move(out).str();
}

void write_json(const LintReport& rep, std::ostream& out) { report::write_report(rep, out, false); }

namespace report {

std::string format_report_interchange(const LintReport& report) {
  std::ostringstream out;
  write_report(report, out, true);
  return std::move(out).str();
}

namespace {

void write_report(const LintReport& rep, std::ostream& out, bool interchange) {
  report::BufferedOStream stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  write_key(w, "version");
  w.Int(2);  // 2: location is the edit location in chart mode; rendered, template_line, include_site
  write_tool(w);
  write_key(w, "summary");
  w.StartObject();
  const Summary& s = rep.summary;
  write_key(w, "documents");
  w.Uint64(s.documents);
  write_key(w, "resources");
  w.Uint64(s.resources);
  write_key(w, "findings");
  w.Uint64(s.findings);
  write_key(w, "error");
  w.Uint64(s.error);
  write_key(w, "warning");
  w.Uint64(s.warning);
  write_key(w, "info");
  w.Uint64(s.info);
  write_key(w, "skipped");
  w.Uint64(s.skipped);
  write_key(w, "baselined");
  w.Uint64(s.baselined);
  write_key(w, "hidden");
  w.Uint64(s.hidden);
  write_key(w, "objects");
  w.Uint64(s.objects);
  write_key(w, "helm_test_hooks");
  w.Uint64(s.helm_test_hooks);
  w.EndObject();
  // What the run says once beside its findings (LintReport::notes).
  write_key(w, "notes");
  w.StartArray();
  for (const auto& note : rep.notes) {
    w.StartObject();
    write_place(w, "file", note.file, note.line, note.column);
    write_key(w, "message");
    write_string(w, note.message);
    w.EndObject();
  }
  w.EndArray();
  // Inputs that held no Kubernetes object, so a reader sees what the run did not lint.
  write_key(w, "skipped_files");
  w.StartArray();
  for (const auto& path : rep.skipped_files) write_string(w, path);
  w.EndArray();
  // Chart mode: each chart's source map, so a user (and tools/source-map-coverage.py) can see how
  // much of the render maps to template lines.
  write_key(w, "charts");
  w.StartArray();
  for (const ChartMapStats& chart : rep.chart_maps) {
    w.StartObject();
    write_key(w, "dir");
    write_string(w, chart.dir);
    write_key(w, "rendered_lines");
    w.Uint64(chart.rendered_lines);
    write_key(w, "mapped_lines");
    w.Uint64(chart.mapped_lines);
    write_key(w, "sections");
    w.Uint64(chart.sections);
    write_key(w, "aligned_sections");
    w.Uint64(chart.aligned_sections);
    write_key(w, "source_map_error");
    write_string(w, chart.source_map_error);
    w.EndObject();
  }
  w.EndArray();
  write_key(w, "findings");
  w.StartArray();
  for (const auto& f : rep.findings) write_finding(w, f, interchange);
  w.EndArray();
  if (interchange) write_rules(w, rep);
  w.EndObject();
  out << '\n';
}

}  // namespace
}  // namespace report
}  // namespace chartproof
