// The audit request as data: what the CLI hands the Dask engine (python -m chartproof.fleet), in
// a versioned JSON document checked against policies/schema/audit-request.schema.json on the way
// in, instead of lint flags spelled out on a command line and parsed again by argparse.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "chartproof/audit.hpp"
#include "chartproof/parse.hpp"
#include "io/read_file.hpp"
#include "jsonschema/json_schema.hpp"
#include "policy/builtin_profiles.hpp"

namespace chartproof {
namespace {

constexpr const char* kSchemaName = "policies/schema/audit-request.schema.json";

const jsonschema::Schema& request_schema() {
  static const jsonschema::Schema schema =
      jsonschema::Schema::compile_embedded(policy::embedded_audit_request_schema(), kSchemaName);
  return schema;
}

void write_list(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::vector<std::string>& items) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) w.String(item.c_str(), static_cast<rapidjson::SizeType>(item.size()));
  w.EndArray();
}

std::vector<std::string> list_of(Node list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size(); ++i) out.emplace_back(list.item(i).text());
  return out;
}

}  // namespace

std::string audit_request_json(const AuditRequest& request) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto string = [&](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  };
  const LintRequest& base = request.base;
  w.StartObject();
  string("apiVersion", "chartproof.io/v1");
  string("kind", "AuditRequest");
  string("matrix", request.matrix);
  string("scheduler", request.scheduler);
  w.Key("lint");
  w.StartObject();
  string("helm", base.chart.helm);
  w.Key("helmTimeout");
  w.Uint(base.chart.timeout_seconds);
  string("profile", base.profile);
  write_list(w, "policies", base.policy_files);
  write_list(w, "enable", base.enable);
  write_list(w, "disable", base.disable);
  write_list(w, "schemaDirs", base.schema_dirs);
  string("schemaMode", !base.schema_mode ? "" : *base.schema_mode == SchemaMode::Lenient ? "lenient" : "strict");
  w.EndObject();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

Expected<AuditRequest> parse_audit_request(std::string_view text, const std::string& file) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  for (const auto& issue : issues) return Error{file, issue.line, issue.column, issue.message, ErrorKind::Usage};
  if (!doc || !doc->root().is_map())
    return Error{file, 1, 1, "an audit request is a JSON object (" + std::string(kSchemaName) + ")", ErrorKind::Usage};
  Node root = doc->root();
  auto violations = request_schema().validate(root);
  if (!violations.empty()) {
    const auto& v = violations.front();
    return Error{
        file, v.node.line(), v.node.column(),
        "not an audit request: " + v.message + (v.path.empty() ? "" : " at " + v.path) + "; see " + kSchemaName,
        ErrorKind::Usage};
  }
  AuditRequest request;
  request.matrix = std::string(root.get_text("matrix"));
  request.scheduler = std::string(root.get_text("scheduler"));
  Node lint = root.get("lint");
  LintRequest& base = request.base;
  base.chart.helm = std::string(lint.get_text("helm"));
  base.chart.timeout_seconds = static_cast<unsigned>(lint.get("helmTimeout").as_int().value_or(0));
  base.profile = std::string(lint.get_text("profile"));
  base.policy_files = list_of(lint.get("policies"));
  base.enable = list_of(lint.get("enable"));
  base.disable = list_of(lint.get("disable"));
  base.schema_dirs = list_of(lint.get("schemaDirs"));
  std::string_view mode = lint.get_text("schemaMode");
  if (!mode.empty()) base.schema_mode = mode == "lenient" ? SchemaMode::Lenient : SchemaMode::Strict;
  return request;
}

Expected<AuditRequest> load_audit_request(const std::string& path) {
  auto text = io::read_file(path);
  if (!text) return Error{path, 0, 0, "cannot read the audit request: " + text.error().message, ErrorKind::Usage};
  return parse_audit_request(text.value(), path);
}

}  // namespace chartproof
