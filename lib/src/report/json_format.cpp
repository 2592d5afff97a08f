#include <sstream>

#include "chartproof/report.hpp"
#include "report/json_writer.hpp"

namespace chartproof {

namespace report {
namespace {

void write_finding(JsonWriter& w, const Finding& f) {
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
  write_key(w, "file");
  write_string(w, f.file);
  write_key(w, "line");
  w.Uint(f.line);
  write_key(w, "column");
  w.Uint(f.column);
  write_key(w, "template");
  write_string(w, f.template_name);
  w.EndObject();
  // Chart mode: the values file and line the offending value came from.
  write_key(w, "value_source");
  if (f.value_source) {
    w.StartObject();
    write_key(w, "file");
    write_string(w, f.value_source->file);
    write_key(w, "line");
    w.Uint(f.value_source->line);
    write_key(w, "column");
    w.Uint(f.value_source->column);
    w.EndObject();
  } else {
    w.Null();
  }
  write_key(w, "remediation");
  write_string(w, f.remediation);
  w.EndObject();
}

}  // namespace
}  // namespace report

std::string format_json(const LintReport& report) {
  std::ostringstream out;
  write_json(report, out);
  return std::move(out).str();
}

void write_json(const LintReport& rep, std::ostream& out) {
  using namespace report;
  rapidjson::OStreamWrapper stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  write_key(w, "version");
  w.Int(1);
  write_key(w, "tool");
  w.StartObject();
  write_key(w, "name");
  write_string(w, "chartproof");
  write_key(w, "version");
  write_string(w, version());
  w.EndObject();
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
  w.EndObject();
  write_key(w, "findings");
  w.StartArray();
  for (const auto& f : rep.findings) write_finding(w, f);
  w.EndArray();
  w.EndObject();
  out << '\n';
}

}  // namespace chartproof
