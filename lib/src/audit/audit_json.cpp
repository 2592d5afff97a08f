// The audit's JSON report (one document over every task) and the interchange form an engine hands
// its results back in (the Dask engine to the CLI).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <sstream>

#include "chartproof/audit.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"

namespace chartproof {
namespace {

using report::write_key;
using report::write_string;

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

// Why a task's lint report or SARIF is not one chartproof wrote, or empty; `report` is left holding
// the parsed lint report (its summary is what the totals add up).
std::string unreadable(const AuditResult& r, rapidjson::Document& report) {
  report.Parse(r.report_json.data(), r.report_json.size());
  if (report.HasParseError())
    return "its lint report is not JSON (" + std::string(rapidjson::GetParseError_En(report.GetParseError())) +
           " at byte " + std::to_string(report.GetErrorOffset()) + ")";
  if (!report.IsObject() || !report.HasMember("summary") || !report["summary"].IsObject() ||
      !report.HasMember("findings") || !report["findings"].IsArray())
    return "its lint report has no summary and findings";
  for (const char* count : {"error", "warning", "info"}) {
    const auto& summary = report["summary"];
    if (!summary.HasMember(count) || !summary[count].IsUint64())
      return std::string("its lint report's summary has no ") + count + " count";
  }
  rapidjson::Document sarif;
  sarif.Parse(r.sarif_json.data(), r.sarif_json.size());
  if (sarif.HasParseError() || !sarif.IsObject() || !sarif.HasMember("runs") || !sarif["runs"].IsArray())
    return "its SARIF log is not one";
  return {};
}

}  // namespace

void fail_unreadable_result(AuditResult& r) {
  if (!r.error.empty()) return;
  rapidjson::Document report;
  std::string why = unreadable(r, report);
  if (why.empty()) return;
  r.error = "the task's result could not be read back: " + why + "; the task is counted as failed";
  r.report_json.clear();
  r.sarif_json.clear();
  r.details.clear();
}

AuditTotals audit_totals(const std::vector<AuditResult>& results) {
  AuditTotals totals;
  for (const auto& r : results) {
    ++totals.tasks;
    if (!r.error.empty()) {
      ++totals.failed;
      continue;
    }
    // (Results from engines went through fail_unreadable_result; one that still cannot be read
    // checked nothing: failed, never clean.)
    rapidjson::Document doc;
    if (!unreadable(r, doc).empty()) {
      ++totals.failed;
      continue;
    }
    const auto& s = doc["summary"];
    totals.error += s["error"].GetUint64();
    totals.warning += s["warning"].GetUint64();
    totals.info += s["info"].GetUint64();
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
  write_key(w, "tool");
  w.StartObject();
  write_key(w, "name");
  write_string(w, "chartproof");
  write_key(w, "version");
  write_string(w, version());
  w.EndObject();
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
    rapidjson::Document doc;
    if (!r.error.empty() || doc.Parse(r.report_json.data(), r.report_json.size()).HasParseError()) {
      w.Null();
    } else {
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
    write_string(w, r.report_json);
    write_key(w, "sarif");
    write_string(w, r.sarif_json);
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
    AuditResult r;
    r.task.id = text(t, "id");
    r.task.chart = text(t, "chart");
    r.task.environment = text(t, "environment");
    r.task.kube_version = text(t, "kube_version");
    r.task.policy_file = text(t, "policy");
    if (t.HasMember("values") && t["values"].IsArray()) {
      for (const auto& f : t["values"].GetArray()) {
        if (f.IsString()) r.task.values_files.emplace_back(f.GetString(), f.GetStringLength());
      }
    }
    r.error = text(item, "error");
    r.report_json = text(item, "report");
    r.sarif_json = text(item, "sarif");
    if (item.HasMember("details") && item["details"].IsArray()) {
      for (const auto& d : item["details"].GetArray()) {
        if (d.IsString()) r.details.emplace_back(d.GetString(), d.GetStringLength());
      }
    }
    fail_unreadable_result(r);
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace chartproof
