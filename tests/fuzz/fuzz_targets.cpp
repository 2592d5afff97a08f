#include "fuzz_targets.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cel/eval.hpp"
#include "chart/instrument_template.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"
#include "fix/plan_edit.hpp"
#include "fix/text_edit.hpp"
#include "jsonschema/json_schema.hpp"
#include "lsp/frame_reader.hpp"
#include "lsp/language_server.hpp"
#include "model/cel_values.hpp"
#include "rules/custom/custom_rule.hpp"

namespace chartproof::fuzz {
namespace {

// Every rule of every pack, on a fixed date (exemption expiry must not depend on the day).
LintOptions everything() {
  LintOptions options;
  options.enable = {"all"};
  options.today = "2026-06-01";
  options.jobs = 1;
  return options;
}

const Linter& all_rules_linter() {
  static const Linter linter = [] {
    auto created = Linter::create(everything());
    if (!created) throw std::logic_error("fuzz: " + created.error().to_string());
    return std::move(created.value());
  }();
  return linter;
}

void render_every_format(const LintReport& report) {
  TextOptions look;
  look.code_frame = true;
  volatile std::size_t sink = 0;  // keeps the formatting from being optimised away
  sink = sink + format_text(report, look).size();
  sink = sink + format_json(report).size();
  sink = sink + format_sarif(report, "/fuzz").size();
  sink = sink + format_junit(report).size();
  sink = sink + format_github(report).size();
  sink = sink + format_summary(report).size();
}

const std::string& fixed_manifest() {
  static const std::string text = [] {
    std::ifstream in(std::string(CHARTPROOF_SOURCE_DIR) + "/examples/todo-app/rendered-broken.yaml", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return text;
}

}  // namespace

namespace {

// chartproof fix's planning on every finding that declares a fix, against the text of the file it
// names (`texts`: path, text): the edit, the edited text and the diff, whatever the bytes.
void plan_every_fix(const LintReport& report, const std::vector<std::pair<std::string, std::string_view>>& texts) {
  for (const auto& f : report.findings) {
    if (!f.fix) continue;
    for (const auto& [path, text] : texts) {
      if (path != f.file) continue;
      auto planned = fix::plan_edit(f, text);
      if (!planned.edit) continue;
      if (auto edited = fix::apply_edits(text, {*planned.edit})) {
        if (fix::unified_diff(path, text, *edited).empty() && *edited != text) throw std::logic_error("empty diff");
      }
    }
  }
}

}  // namespace

void lint_manifest(std::string_view bytes) {
  std::vector<SourceFile> files;
  files.push_back(SourceFile{"fuzz.yaml", std::string(bytes)});
  LintReport report = all_rules_linter().lint(std::move(files));
  render_every_format(report);
  plan_every_fix(report, {{"fuzz.yaml", bytes}});
}

void load_policy(std::string_view bytes) {
  auto policy = parse_policy(bytes, "fuzz-policy.yaml");
  if (!policy) return;
  LintOptions options = options_from_policy(policy.value());
  options.today = "2026-06-01";
  options.jobs = 1;
  options.schema_dirs.clear();  // a policy naming folders must not make the fuzzer read the disk
  auto linter = Linter::create(options);
  if (!linter) return;
  std::vector<SourceFile> files;
  files.push_back(SourceFile{"rendered.yaml", fixed_manifest()});
  render_every_format(linter->lint(std::move(files)));
}

void lint_chart_files(std::string_view bytes) {
  std::string_view parts[3];
  for (auto& part : parts) {
    std::size_t nul = bytes.find('\0');
    part = bytes.substr(0, nul);
    bytes = nul == std::string_view::npos ? std::string_view() : bytes.substr(nul + 1);
  }
  ChartSources chart;
  chart.dir = "fuzzchart";
  chart.chart_yaml = SourceFile{"fuzzchart/Chart.yaml", std::string(parts[0])};
  chart.values.push_back(SourceFile{"fuzzchart/values.yaml", std::string(parts[1])});
  chart.has_values_yaml = true;
  if (!parts[2].empty()) {
    chart.render = SourceFile{"fuzzchart/helm-template:release-name.yaml", std::string(parts[2])};
    chart.probe_render = SourceFile{"fuzzchart/helm-template:probe.yaml", std::string(parts[2])};
    // Source maps without helm: the render is also read as the chart's one template, and its
    // instrumented copy stands in for the instrumented render (same lines, markers added), so the
    // instrumenter, the map and the placing of every finding see arbitrary bytes.
    chart.templates.push_back(SourceFile{"fuzzchart/templates/t.yaml", std::string(parts[2])});
    chart.instrumented_render = chart::instrument_template(parts[2], 0);
    chart.render_name = "helm template fuzzchart";
  }
  std::vector<ChartSources> charts;
  charts.push_back(std::move(chart));
  LintReport report = all_rules_linter().lint({}, std::move(charts));
  render_every_format(report);
  plan_every_fix(report, {{"fuzzchart/values.yaml", parts[1]}, {"fuzzchart/templates/t.yaml", parts[2]}});
}

namespace {

// Visits every node below `node` (iteratively: an input may nest as deep as the parse limits let it).
std::size_t visit_all(Node node) {
  std::size_t seen = 0;
  std::vector<Node> stack{node};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    seen += n.text().size() + n.line() + n.column();
    if (n.is_map()) {
      for (std::size_t i = 0; i < n.size(); ++i) stack.insert(stack.end(), {n.key_at(i), n.value_at(i)});
    } else if (n.is_seq()) {
      for (std::size_t i = 0; i < n.size(); ++i) stack.push_back(n.item(i));
    }
  }
  return seen;
}

}  // namespace

void parse_yaml(std::string_view bytes) {
  volatile std::size_t sink = 0;
  SourceFile file{"fuzz.yaml", std::string(bytes)};
  ParseLimits limits;
  limits.max_alias_nodes = 10'000;  // the budget's own check, not the fuzzer's memory, stops a bomb
  for (const auto& doc : parse_file(file, limits)) {
    if (doc.tree) sink = sink + visit_all(doc.tree->root());
    for (const auto& issue : doc.issues) sink = sink + issue.message.size() + issue.line;
  }
  std::vector<ParseIssue> issues;
  if (auto tree = parse_single(bytes, issues, limits)) sink = sink + visit_all(tree->root());
}

namespace {

// `text` with every line indented by `spaces`, ending in a newline (to nest it under a key).
std::string indented(std::string_view text, std::size_t spaces) {
  std::string out;
  std::string pad(spaces, ' ');
  bool line_start = true;
  for (char c : text) {
    if (line_start) out += pad;
    out += c;
    line_start = c == '\n';
  }
  if (!line_start || out.empty()) out += '\n';
  return out;
}

}  // namespace

void check_schema(std::string_view bytes) {
  std::size_t nul = bytes.find('\0');
  std::string_view schema = bytes.substr(0, nul);
  std::string_view object = nul == std::string_view::npos ? std::string_view() : bytes.substr(nul + 1);
  std::string object_doc = "apiVersion: fuzz.example.com/v1\nkind: Fuzz\n" + std::string(object);
  std::string crd =
      "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: "
      "fuzzes.fuzz.example.com\n"
      "spec:\n  group: fuzz.example.com\n  names: {kind: Fuzz, plural: fuzzes}\n  scope: Namespaced\n  versions:\n"
      "    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n" +
      indented(schema, 10) + "---\n" + object_doc;
  std::vector<SourceFile> files;
  files.push_back(SourceFile{"fuzz-crd.yaml", std::move(crd)});
  render_every_format(all_rules_linter().lint(std::move(files)));

  // The same schema as a policy's custom rule: parsed and located by the policy reader, then compiled
  // and run over the object as the rule does (without a linter of its own per input: loading the
  // Kubernetes schemas for each would make this target a benchmark of that).
  std::string policy_text =
      "apiVersion: chartproof.io/v1\nkind: Policy\ncustomRules:\n  - id: fuzz-schema\n    summary: a fuzzed schema\n"
      "    kinds: [Fuzz]\n    schema:\n" +
      indented(schema, 6);
  auto policy = parse_policy(policy_text, "fuzz-policy.yaml");
  if (!policy || policy->custom_rules.empty()) return;
  auto rule = rules::make_custom_rule_definition(policy->custom_rules.front());
  if (!rule) return;
  std::vector<ParseIssue> issues;
  auto object_tree = parse_single(object_doc, issues);
  rapidjson::Document json;
  json.Parse(policy->custom_rules.front().schema_json.c_str());
  auto compiled = jsonschema::Schema::compile(std::move(json), "fuzz-policy.yaml");
  if (!compiled || !object_tree) return;
  volatile std::size_t sink = 0;
  for (bool skip_null : {false, true}) {
    for (const auto& v : compiled->validate(object_tree->root(), skip_null))
      sink = sink + v.message.size() + v.path.size() + v.node.line();
  }
}

void evaluate_cel(std::string_view bytes) {
  std::size_t nul = bytes.find('\0');
  std::string_view expression = bytes.substr(0, nul);
  cel::Bindings bindings;
  SourceFile object{"object.yaml", nul == std::string_view::npos ? std::string() : std::string(bytes.substr(nul + 1))};
  auto documents = parse_file(object);
  for (const auto& d : documents) {
    if (d.tree) {
      bindings["self"] = to_cel(d.tree->root());
      break;
    }
  }
  cel::EvalResult r = cel::evaluate(expression, bindings);
  (void)cel::to_literal(r.value);
}

void serve_lsp(std::string_view bytes) {
  lsp::FrameReader reader;
  lsp::LanguageServer server(false);
  const std::size_t cut = bytes.empty() ? 0 : static_cast<unsigned char>(bytes[0]) % (bytes.size() + 1);
  for (std::string_view piece : {bytes.substr(0, cut), bytes.substr(cut)}) {
    reader.feed(piece);
    while (auto message = reader.next()) {
      if (*message) server.handle(message->value());
    }
  }
  server.lint_dirty();
  server.handle(bytes);
}

Target target_named(std::string_view name) {
  if (name == "lint") return &lint_manifest;
  if (name == "policy") return &load_policy;
  if (name == "chart") return &lint_chart_files;
  if (name == "parse") return &parse_yaml;
  if (name == "schema") return &check_schema;
  if (name == "cel") return &evaluate_cel;
  if (name == "lsp") return &serve_lsp;
  return nullptr;
}

}  // namespace chartproof::fuzz
