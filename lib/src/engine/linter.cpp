#include <algorithm>
#include <set>

#include "chartproof/engine.hpp"
#include "engine/parallel.hpp"
#include "engine/suggest.hpp"

namespace chartproof {
namespace {

bool names_rule(const std::vector<std::string>& list, const RuleMeta& meta) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return s == meta.id || s == meta.pack || s == "all"; });
}

std::string_view param_type_name(const ParamValue& v) {
  switch (v.index()) {
    case 0: return "an integer";
    case 1: return "a string";
    case 2: return "a boolean";
    default: return "a list of strings";
  }
}

// Collects a rule's findings for one resource or document, filling in what the rule does not know.
class CollectingReporter : public Reporter {
 public:
  CollectingReporter(const Linter::Active& active, std::vector<Finding>& out) : active_(active), out_(out) {}

  void report(const Resource& resource, const Field& field, std::string message) override {
    report_at_most(resource, field, std::move(message), Severity::Error);
  }

  void report_at_most(const Resource& resource, const Field& field, std::string message, Severity cap) override {
    Finding f = base(*resource.document, std::move(message));
    f.severity = std::min(f.severity, cap);
    f.resource = resource.ref;
    f.path = field.path;
    Node at = field.node ? field.node : resource.root;
    f.line = at.line();
    f.column = at.column();
    out_.push_back(std::move(f));
  }

  void report_document(const ParsedDocument& document, std::uint32_t line, std::uint32_t column,
                       std::string message) override {
    Finding f = base(document, std::move(message));
    f.line = line;
    f.column = column;
    out_.push_back(std::move(f));
  }

 private:
  Finding base(const ParsedDocument& document, std::string message) const {
    Finding f;
    f.rule = active_.definition->meta.id;
    f.pack = active_.definition->meta.pack;
    f.severity = active_.severity;
    f.message = std::move(message);
    f.file = document.file ? document.file->path : std::string();
    f.template_name = document.template_name;
    f.remediation = active_.definition->meta.remediation;
    f.sensitive = active_.definition->meta.sensitive;
    return f;
  }
  const Linter::Active& active_;
  std::vector<Finding>& out_;
};

// The `chartproof.io/ignore` annotation lists rule ids, pack names or "all".
bool ignores(const Resource& r, const RuleMeta& meta) { return names_rule(r.ignored, meta); }

bool inspects(const RuleMeta& meta, std::string_view kind) {
  return meta.kinds.empty() || std::find(meta.kinds.begin(), meta.kinds.end(), kind) != meta.kinds.end();
}

}  // namespace

bool LintReport::ok(Severity fail_on) const {
  return std::none_of(findings.begin(), findings.end(), [&](const Finding& f) { return f.severity >= fail_on; });
}

Expected<Linter> Linter::create(const LintOptions& options) {
  const auto& all = builtin_rules();
  std::vector<std::string> names;
  std::set<std::string> packs;
  for (const auto& def : all) {
    names.push_back(def.meta.id);
    packs.insert(def.meta.pack);
  }
  std::vector<std::string> names_and_packs = names;
  names_and_packs.insert(names_and_packs.end(), packs.begin(), packs.end());
  for (const auto* list : {&options.enable, &options.disable}) {
    for (const auto& s : *list) {
      if (s == "all" || std::find(names_and_packs.begin(), names_and_packs.end(), s) != names_and_packs.end()) continue;
      return Error{"", 0, 0, "unknown rule or pack \"" + s + "\"" + engine::did_you_mean(s, names_and_packs) +
                                 "; `chartproof rules` lists them"};
    }
  }
  for (const auto& [id, cfg] : options.rules) {
    if (std::find(names.begin(), names.end(), id) == names.end()) {
      return Error{"", 0, 0, "unknown rule \"" + id + "\"" + engine::did_you_mean(id, names)};
    }
  }

  Linter linter;
  linter.options_ = options;
  for (const auto& def : all) {
    const RuleConfig* cfg = nullptr;
    if (auto it = options.rules.find(def.meta.id); it != options.rules.end()) cfg = &it->second;
    bool enabled = cfg && cfg->enabled ? *cfg->enabled : def.meta.enabled_by_default;
    if (names_rule(options.enable, def.meta)) enabled = true;
    if (names_rule(options.disable, def.meta)) enabled = false;  // disable wins
    if (!enabled) continue;

    std::map<std::string, ParamValue> values;
    for (const auto& p : def.meta.params) values[p.name] = p.default_value;
    if (cfg) {
      for (const auto& [name, value] : cfg->params) {
        auto it = values.find(name);
        if (it == values.end()) {
          std::vector<std::string> declared;
          for (const auto& p : def.meta.params) declared.push_back(p.name);
          return Error{"", 0, 0, "rule \"" + def.meta.id + "\" has no parameter \"" + name + "\"" +
                                     engine::did_you_mean(name, declared)};
        }
        // A number written for a string parameter (`max_cpu_limit: 4`) is taken as its text.
        if (std::holds_alternative<std::string>(it->second) && std::holds_alternative<std::int64_t>(value)) {
          it->second = std::to_string(std::get<std::int64_t>(value));
          continue;
        }
        if (it->second.index() != value.index()) {
          return Error{"", 0, 0, "parameter \"" + name + "\" of rule \"" + def.meta.id + "\" must be " +
                                     std::string(param_type_name(it->second)) + ", not " +
                                     std::string(param_type_name(value))};
        }
        it->second = value;
      }
    }
    Params params(std::move(values));
    Severity severity = cfg && cfg->severity ? *cfg->severity : def.meta.severity;
    std::shared_ptr<const Rule> rule = def.make(params);
    linter.active_.push_back(Active{&def, severity, std::move(params), std::move(rule)});
  }
  return linter;
}

std::shared_ptr<const Input> load_input(std::vector<SourceFile> files, const LintOptions& options) {
  auto input = std::make_shared<Input>();
  struct Task {
    const SourceFile* file;
    DocumentChunk chunk;
  };
  std::vector<Task> tasks;
  for (auto& f : files) {
    auto shared = std::make_shared<const SourceFile>(std::move(f));
    for (const auto& chunk : split_documents(shared->text)) tasks.push_back(Task{shared.get(), chunk});
    input->files.push_back(std::move(shared));
  }
  std::vector<ParsedDocument> parsed(tasks.size());
  engine::parallel_for(tasks.size(), options.jobs,
                       [&](std::size_t i) { parsed[i] = parse_chunk(*tasks[i].file, tasks[i].chunk, options.limits); });
  std::vector<ParsedDocument> documents;
  documents.reserve(parsed.size());
  for (auto& d : parsed) {
    if (!d.empty()) documents.push_back(std::move(d));
  }
  input->graph = ResourceGraph::build(std::move(documents), options.default_namespace);
  return input;
}

LintReport Linter::run(std::shared_ptr<const Input> input) const {
  const ResourceGraph& graph = input->graph;
  const auto& docs = graph.documents();
  const auto& resources = graph.resources();
  // One slot per document and per resource, merged in input order: the same output for any --jobs.
  std::vector<std::vector<Finding>> slots(docs.size() + resources.size());
  engine::parallel_for(slots.size(), options_.jobs, [&](std::size_t i) {
    std::vector<Finding>& out = slots[i];
    if (i < docs.size()) {
      for (const auto& a : active_) {
        CollectingReporter reporter(a, out);
        a.rule->check_document(docs[i], graph, reporter);
      }
      return;
    }
    const Resource& r = resources[i - docs.size()];
    for (const auto& a : active_) {
      if (!inspects(a.definition->meta, r.ref.kind) || ignores(r, a.definition->meta)) continue;
      CollectingReporter reporter(a, out);
      a.rule->check(r, graph, reporter);
    }
  });
  LintReport report;
  report.input = std::move(input);
  for (auto& s : slots) std::move(s.begin(), s.end(), std::back_inserter(report.findings));
  std::stable_sort(report.findings.begin(), report.findings.end(), finding_less);
  Summary& sum = report.summary;
  sum.documents = docs.size();
  sum.resources = resources.size();
  sum.findings = report.findings.size();
  for (const auto& f : report.findings) {
    (f.severity == Severity::Error ? sum.error : f.severity == Severity::Warning ? sum.warning : sum.info)++;
  }
  return report;
}

LintReport Linter::lint(std::vector<SourceFile> files) const { return run(load_input(std::move(files), options_)); }

std::string_view version() { return CHARTPROOF_VERSION; }

}  // namespace chartproof
