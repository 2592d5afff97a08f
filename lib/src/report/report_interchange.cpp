// Reading an audit task's report back (report_interchange.hpp). The writer is json_format.cpp's,
// with the interchange members on; this side checks the text against the report's JSON Schema
// before it trusts any member, so a worker's garbage becomes a failed task, never a clean one.
#include "report/report_interchange.hpp"

#include "chartproof/parse.hpp"
#include "jsonschema/json_schema.hpp"
#include "policy/builtin_profiles.hpp"

namespace chartproof::report {
namespace {

constexpr const char* kSchemaName = "policies/schema/report.schema.json";

const jsonschema::Schema& report_schema() {
  static const jsonschema::Schema schema =
      jsonschema::Schema::compile_embedded(policy::embedded_report_schema(), kSchemaName);
  return schema;
}

std::string text(Node node, std::string_view key) { return std::string(node.get_text(key)); }

std::uint32_t number(Node node, std::string_view key) {
  return static_cast<std::uint32_t>(node.get(key).as_int().value_or(0));
}

std::size_t count(Node node, std::string_view key) {
  return static_cast<std::size_t>(node.get(key).as_int().value_or(0));
}

std::optional<SourcePosition> position(Node node, std::string_view file_key) {
  if (!node || node.is_null()) return std::nullopt;
  return SourcePosition{text(node, file_key), number(node, "line"), number(node, "column")};
}

Severity severity_of(Node node) { return parse_severity(node.get_text("severity")).value_or(Severity::Error); }

Finding finding_of(Node f) {
  Finding out;
  out.rule = text(f, "rule");
  out.pack = text(f, "pack");
  out.severity = severity_of(f);
  out.message = text(f, "message");
  if (Node r = f.get("resource"); r && !r.is_null()) {
    out.resource = ResourceRef{text(r, "apiVersion"), text(r, "kind"), text(r, "namespace"), text(r, "name")};
  }
  out.path = text(f, "path");
  Node at = f.get("location");
  out.file = text(at, "file");
  out.line = number(at, "line");
  out.column = number(at, "column");
  out.template_name = text(at, "template");
  out.mapped = at.get("mapped").as_bool().value_or(false);
  out.rendered = position(f.get("rendered"), "output");
  out.template_line = position(f.get("template_line"), "file");
  out.include_site = position(f.get("include_site"), "file");
  out.value_source = position(f.get("value_source"), "file");
  out.remediation = text(f, "remediation");
  Node more = f.get("more");
  for (std::size_t i = 0; i < more.size(); ++i) out.more.push_back(finding_of(more.item(i)));
  out.keyed_path = text(f, "keyed_path");
  out.sensitive = f.get("sensitive").as_bool().value_or(false);
  return out;
}

}  // namespace

Expected<LintReport> read_report_interchange(std::string_view json) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(json, issues);
  for (const auto& issue : issues) return Error{"", issue.line, issue.column, "not JSON: " + issue.message};
  if (!doc || !doc->root().is_map()) return Error{"", 1, 1, "not a lint report (a JSON object)"};
  Node root = doc->root();
  if (auto violations = report_schema().validate(root); !violations.empty()) {
    const auto& v = violations.front();
    return Error{
        "", v.node.line(), v.node.column(),
        "not a lint report: " + v.message + (v.path.empty() ? "" : " at " + v.path) + " (" + kSchemaName + ")"};
  }
  LintReport report;
  Node s = root.get("summary");
  Summary& summary = report.summary;
  summary.documents = count(s, "documents");
  summary.resources = count(s, "resources");
  summary.findings = count(s, "findings");
  summary.error = count(s, "error");
  summary.warning = count(s, "warning");
  summary.info = count(s, "info");
  summary.skipped = count(s, "skipped");
  summary.baselined = count(s, "baselined");
  summary.hidden = count(s, "hidden");
  summary.objects = count(s, "objects");
  summary.helm_test_hooks = count(s, "helm_test_hooks");
  Node notes = root.get("notes");
  for (std::size_t i = 0; i < notes.size(); ++i) {
    Node n = notes.item(i);
    report.notes.push_back(Error{text(n, "file"), number(n, "line"), number(n, "column"), text(n, "message")});
  }
  Node skipped = root.get("skipped_files");
  for (std::size_t i = 0; i < skipped.size(); ++i) report.skipped_files.emplace_back(skipped.item(i).text());
  Node charts = root.get("charts");
  for (std::size_t i = 0; i < charts.size(); ++i) {
    Node c = charts.item(i);
    report.chart_maps.push_back(ChartMapStats{text(c, "dir"), count(c, "rendered_lines"), count(c, "mapped_lines"),
                                              count(c, "sections"), count(c, "aligned_sections"),
                                              text(c, "source_map_error")});
  }
  Node findings = root.get("findings");
  for (std::size_t i = 0; i < findings.size(); ++i) report.findings.push_back(finding_of(findings.item(i)));
  Node rules = root.get("rules");
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Node r = rules.item(i);
    RuleRun run{RuleMeta{}, severity_of(r)};
    run.meta.id = text(r, "id");
    run.meta.pack = text(r, "pack");
    run.meta.severity = run.severity;
    run.meta.summary = text(r, "summary");
    run.meta.rationale = text(r, "rationale");
    run.meta.remediation = text(r, "remediation");
    report.rules.push_back(std::move(run));
  }
  Node packs = root.get("helm_test_packs");
  for (std::size_t i = 0; i < packs.size(); ++i) report.helm_test_packs.emplace_back(packs.item(i).text());
  return report;
}

}  // namespace chartproof::report
