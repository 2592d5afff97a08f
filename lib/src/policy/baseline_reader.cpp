// Reads a baseline file (--baseline FILE): JSON, read by the same parser as every other input so
// errors are located, and checked against policies/schema/baseline.schema.json.
#include "chartproof/baseline.hpp"
#include "chartproof/parse.hpp"
#include "io/read_file.hpp"
#include "jsonschema/json_schema.hpp"
#include "policy/builtin_profiles.hpp"

namespace chartproof {
namespace {

const jsonschema::Schema& baseline_schema() {
  static const jsonschema::Schema schema =
      jsonschema::Schema::compile_embedded(policy::embedded_baseline_schema(), "policies/schema/baseline.schema.json");
  return schema;
}

}  // namespace

std::string_view baseline_json_schema() { return policy::embedded_baseline_schema(); }

Expected<Baseline> parse_baseline(std::string_view text, const std::string& file) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  for (const auto& issue : issues) return Error{file, issue.line, issue.column, issue.message};
  if (!doc || !doc->root().is_map()) {
    return Error{file, 1, 1,
                 "a baseline is a JSON object with version and findings (chartproof lint --write-baseline)"};
  }
  Node root = doc->root();
  Node version = root.get("version");
  if (version && version.as_int() != 1 && version.as_int() != 2) {
    return Error{file, version.line(), version.column(),
                 "version must be 1 or 2: this chartproof reads baseline formats 1 and 2 (rewrite it with "
                 "--write-baseline)"};
  }
  auto violations = baseline_schema().validate(root);
  if (!violations.empty()) {
    const auto& v = violations.front();
    Node at = v.node ? v.node : root;
    return Error{file, at.line(), at.column(),
                 v.message + (v.path.empty() ? "" : " at " + v.path) + "; see policies/schema/baseline.schema.json"};
  }
  Baseline baseline;
  baseline.file = file;
  baseline.version = static_cast<int>(version.as_int().value_or(2));
  baseline.version_line = version.line();
  baseline.version_column = version.column();
  Node findings = root.get("findings");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Node item = findings.item(i);
    BaselineEntry entry;
    entry.fingerprint = std::string(item.get_text("fingerprint"));
    entry.rule = std::string(item.get_text("rule"));
    entry.resource = std::string(item.get_text("resource"));
    entry.path = std::string(item.get_text("path"));
    entry.file = std::string(item.get_text("file"));
    if (Node count = item.get("count")) entry.count = static_cast<std::size_t>(count.as_int().value_or(1));
    entry.line = item.line();
    entry.column = item.column();
    baseline.entries.push_back(std::move(entry));
  }
  return baseline;
}

Expected<Baseline> load_baseline(const std::string& path) {
  auto text = io::read_file(path);
  if (!text) return Error{path, 0, 0, "cannot read the baseline file: " + text.error().message};
  return parse_baseline(text.value(), path);
}

}  // namespace chartproof
