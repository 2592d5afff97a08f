// The audit's JSON report (one document over every task) and the interchange form an engine hands
// its results back in (the Dask engine to the CLI).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <sstream>

#include "chartproof/audit.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/report.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"
#include "report/report_interchange.hpp"

namespace chartproof {
namespace {

using report::write_key;
using report::write_string;
using report::write_tool;

template <typename Writer>
void write_task(Writer& w, const AuditTask& t) {
  write_key(w, "id");
  write_string(w, t.id);
  write_key(w, "chart");
  write_string(w, t.chart);
  write_key(w, "environment");
  write_string(w, t.environment);
  write_key(w, "values");
  w.StartArray();
  for (const auto& f : t.values_files) write_string(w, f);
  w.EndArray();
  write_key(w, "kube_version");
  write_string(w, t.kube_version);
  write_key(w, "policy");
  write_string(w, t.policy_file);
}

}  // namespace

std::string audit_report_interchange(const AuditResult& r) {
  return r.report ? report::format_report_interchange(*r.report) : std::string();
}

AuditResult audit_result_from_interchange(AuditTask task, std::string error, std::string_view report,
                                          std::vector<std::string> details) {
  AuditResult r;
  r.task = std::move(task);
  r.error = std::move(error);
  if (!r.error.empty()) return r;
  auto read = report::read_report_interchange(report);
  if (!read) {
    const Error& e = read.error();
    r.error = "the task's result could not be read back: its lint report " +
              (e.line > 0 ? "(line " + std::to_string(e.line) + ") " : std::string()) + "is " + e.message +
              "; the task is counted as failed";
    return r;
  }
  r.report = std::move(read.value());
  r.details = std::move(details);
  return r;
}

AuditTotals audit_totals(const std::vector<AuditResult>& results) {
  AuditTotals totals;
  for (const auto& r : results) {
    ++totals.tasks;
    // A result without a report checked nothing: failed, never clean.
    if (!r.error.empty() || !r.report) {
      ++totals.failed;
      continue;
    }
    totals.error += r.report->summary.error;
    totals.warning += r.report->summary.warning;
    totals.info += r.report->summary.info;
  }
  return totals;
}

bool audit_ok(const std::vector<AuditResult>& results, Severity fail_on) {
  AuditTotals t = audit_totals(results);
  if (t.failed > 0) return false;
  switch (fail_on) {
    case Severity::Info:
      return t.error + t.warning + t.info == 0;
    case Severity::Warning:
      return t.error + t.warning == 0;
    case Severity::Error:
      return t.error == 0;
  }
  return true;
}

std::string format_audit_json(const std::vector<AuditResult>& results) {
  std::ostringstream out;
  report::BufferedOStream stream(out);
  report::JsonWriter w(stream);
  w.SetIndent(' ', 2);
  AuditTotals totals = audit_totals(results);
  w.StartObject();
  write_key(w, "version");
  w.Int(1);
  write_tool(w);
  write_key(w, "summary");
  w.StartObject();
  write_key(w, "tasks");
  w.Uint64(totals.tasks);
  write_key(w, "failed");
  w.Uint64(totals.failed);
  write_key(w, "error");
  w.Uint64(totals.error);
  write_key(w, "warning");
  w.Uint64(totals.warning);
  write_key(w, "info");
  w.Uint64(totals.info);
  w.EndObject();
  write_key(w, "tasks");
  w.StartArray();
  for (const auto& r : results) {
    w.StartObject();
    write_task(w, r.task);
    write_key(w, "status");
    write_string(w, r.error.empty() ? "ok" : "failed");
    write_key(w, "error");
    if (r.error.empty()) {
      w.Null();
    } else {
      write_string(w, r.error);
    }
    // The task's own lint report, as `chartproof lint --format json` writes it.
    write_key(w, "report");
    if (!r.error.empty() || !r.report) {
      w.Null();
    } else {
      rapidjson::Document doc;  // parsed so the writer indents it inside the audit's document
      std::string json = format_json(*r.report);
      doc.Parse(json.data(), json.size());
      doc.Accept(w);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
  return out.str();
}

std::string format_audit_results(const std::vector<AuditResult>& results) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  for (const auto& r : results) {
    w.StartObject();
    write_key(w, "task");
    w.StartObject();
    write_task(w, r.task);
    w.EndObject();
    write_key(w, "error");
    write_string(w, r.error);
    write_key(w, "report");
    write_string(w, audit_report_interchange(r));
    write_key(w, "details");
    w.StartArray();
    for (const auto& d : r.details) write_string(w, d);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

Expected<std::vector<AuditResult>> parse_audit_results(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  auto bad = [](const std::string& why) {
    return Error{"", 0, 0, "the audit engine returned results chartproof cannot read: " + why, ErrorKind::Usage};
  };
  if (doc.HasParseError()) return bad(rapidjson::GetParseError_En(doc.GetParseError()));
  if (!doc.IsArray()) return bad("not a list");
  auto text = [](const rapidjson::Value& v, const char* key) {
    return v.IsObject() && v.HasMember(key) && v[key].IsString()
               ? std::string(v[key].GetString(), v[key].GetStringLength())
               : std::string();
  };
  std::vector<AuditResult> results;
  for (const auto& item : doc.GetArray()) {
    if (!item.IsObject() || !item.HasMember("task") || !item["task"].IsObject()) return bad("an item has no task");
    const auto& t = item["task"];
    AuditTask task;
    task.id = text(t, "id");
    task.chart = text(t, "chart");
    task.environment = text(t, "environment");
    task.kube_version = text(t, "kube_version");
    task.policy_file = text(t, "policy");
    if (t.HasMember("values") && t["values"].IsArray()) {
      for (const auto& f : t["values"].GetArray()) {
        if (f.IsString()) task.values_files.emplace_back(f.GetString(), f.GetStringLength());
      }
    }
    std::vector<std::string> details;
    if (item.HasMember("details") && item["details"].IsArray()) {
      for (const auto& d : item["details"].GetArray()) {
        if (d.IsString()) details.emplace_back(d.GetString(), d.GetStringLength());
      }
    }
    results.push_back(
        audit_result_from_interchange(std::move(task), text(item, "error"), text(item, "report"), std::move(details)));
  }
  return results;
}

}  // namespace chartproof
