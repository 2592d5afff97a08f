// The audit request as data: what the CLI hands the Dask engine (python -m chartproof.fleet), in
// a versioned JSON document checked against policies/schema/audit-request.schema.json on the way
// in, instead of lint flags spelled out on a command line and parsed again by argparse.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "chartproof/audit.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/request_options.hpp"
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

// An option's value from its JSON node (already checked against the request's schema).
OptionValue option_value(const RequestOption& option, Node node) {
  switch (option.type) {
    case OptionType::Flag:
      return node.as_bool().value_or(false);
    case OptionType::Text:
    case OptionType::OptionalText:
      return std::string(node.text());
    case OptionType::TextList: {
      std::vector<std::string> out;
      for (std::size_t i = 0; i < node.size(); ++i) out.emplace_back(node.item(i).text());
      return out;
    }
    case OptionType::Count:
      return static_cast<unsigned>(node.as_int().value_or(0));
  }
  return {};
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
  // Every option `chartproof audit` takes, from the one table, under its camelCase key.
  for (const RequestOption& option : option_table()) {
    if ((option.use & kUseAudit) == 0) continue;
    const std::string key = option_json_key(option);
    OptionValue value = option.get(base);
    if (const auto* flag = std::get_if<bool>(&value)) {
      w.Key(key.c_str());
      w.Bool(*flag);
    } else if (const auto* text = std::get_if<std::string>(&value)) {
      string(key.c_str(), *text);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
      w.Key(key.c_str());
      w.StartArray();
      for (const auto& item : *list) w.String(item.c_str(), static_cast<rapidjson::SizeType>(item.size()));
      w.EndArray();
    } else if (const auto* count = std::get_if<unsigned>(&value)) {
      w.Key(key.c_str());
      w.Uint(*count);
    }  // an unset optional text is left out: the task then uses the policy's value
  }
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
  for (const RequestOption& option : option_table()) {
    if ((option.use & kUseAudit) == 0) continue;
    Node node = lint.get(option_json_key(option));
    if (!node) continue;
    if (auto wrong = option.set(base, option_value(option, node))) {
      return Error{file, node.line(), node.column(), "not an audit request: " + *wrong, ErrorKind::Usage};
    }
  }
  return request;
}

Expected<AuditRequest> load_audit_request(const std::string& path) {
  auto text = io::read_file(path);
  if (!text) return Error{path, 0, 0, "cannot read the audit request: " + text.error().message, ErrorKind::Usage};
  return parse_audit_request(text.value(), path);
}

}  // namespace chartproof
