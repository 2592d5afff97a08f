// One SARIF log over an audit: each task's own SARIF run (as `chartproof lint --format sarif` makes
// it), with runAutomationDetails naming the task. The id ends in "/", so the whole task id is the
// category (SARIF 2.1.0 §3.17.4: category/instance), which is what code scanning keeps apart.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "chartproof/audit.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/report.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"

namespace chartproof {
namespace {

using Value = rapidjson::Value;

Value string_value(const std::string& s, rapidjson::Document::AllocatorType& a) {
  std::string valid = support::to_valid_utf8(s);
  return Value(valid.c_str(), static_cast<rapidjson::SizeType>(valid.size()), a);
}

// A failed task's run: no results, and the error as a tool execution notification.
Value failed_run(const AuditResult& r, rapidjson::Document::AllocatorType& a) {
  Value driver(rapidjson::kObjectType);
  driver.AddMember("name", "chartproof", a);
  driver.AddMember("version", string_value(std::string(version()), a), a);
  Value tool(rapidjson::kObjectType);
  tool.AddMember("driver", driver, a);
  Value message(rapidjson::kObjectType);
  message.AddMember("text", string_value(r.error, a), a);
  Value notification(rapidjson::kObjectType);
  notification.AddMember("level", "error", a);
  notification.AddMember("message", message, a);
  Value notifications(rapidjson::kArrayType);
  notifications.PushBack(notification, a);
  Value invocation(rapidjson::kObjectType);
  invocation.AddMember("executionSuccessful", false, a);
  invocation.AddMember("toolExecutionNotifications", notifications, a);
  Value invocations(rapidjson::kArrayType);
  invocations.PushBack(invocation, a);
  Value run(rapidjson::kObjectType);
  run.AddMember("tool", tool, a);
  run.AddMember("invocations", invocations, a);
  run.AddMember("results", Value(rapidjson::kArrayType), a);
  return run;
}

}  // namespace

std::string format_audit_sarif(const std::vector<AuditResult>& results) {
  rapidjson::Document out(rapidjson::kObjectType);
  auto& a = out.GetAllocator();
  out.AddMember("$schema", "https://json.schemastore.org/sarif-2.1.0.json", a);
  out.AddMember("version", "2.1.0", a);
  Value runs(rapidjson::kArrayType);
  for (const auto& r : results) {
    Value run;
    rapidjson::Document task_log;
    std::string sarif = r.error.empty() && r.report ? format_sarif(*r.report, "") : std::string();
    if (!sarif.empty() && !task_log.Parse(sarif.data(), sarif.size()).HasParseError() && task_log.IsObject() &&
        task_log.HasMember("runs") && task_log["runs"].IsArray() && !task_log["runs"].Empty()) {
      run.CopyFrom(task_log["runs"][0], a);
    } else {
      run = failed_run(r, a);
    }
    Value details(rapidjson::kObjectType);
    details.AddMember("id", string_value(r.task.id + "/", a), a);
    if (run.HasMember("automationDetails")) run.RemoveMember("automationDetails");
    run.AddMember("automationDetails", details, a);
    runs.PushBack(run, a);
  }
  out.AddMember("runs", runs, a);
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  out.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace chartproof
