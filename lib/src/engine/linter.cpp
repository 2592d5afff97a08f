#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "chartproof/engine.hpp"
#include "chartproof/rule_pack.hpp"
#include "kubeschema/schemas.hpp"
#include "model/block_position.hpp"
#include "model/keyed_path.hpp"
#include "model/scope_matcher.hpp"
#include "rules/custom/custom_rule.hpp"
#include "support/parallel.hpp"
#include "support/suggest.hpp"
#include "support/today.hpp"

namespace chartproof {
namespace engine {

// A rule's settings and instance inside one policy scope.
struct ScopedRule {
  std::shared_ptr<const ScopeMatcher> scope;
  bool enabled;
  Severity severity;
  Params params;
  std::shared_ptr<const Rule> rule;
};

// A rule that runs: its settings and instance outside every scope, and per scope.
struct ActiveRule {
  const RuleDefinition* definition;
  Severity severity;  // outside every scope
  Params params;
  std::shared_ptr<const Rule> rule;
  bool enabled = true;             // outside every scope (false: only where a scope enables it)
  std::vector<ScopedRule> scoped;  // the last one whose scope matches a resource wins
};

struct CompiledExemption {
  const Exemption* exemption;  // into State::options, which lives as long as the state
  std::shared_ptr<const ScopeMatcher> scope;
  bool expired;
};

}  // namespace engine

struct Linter::State {
  LintOptions options;
  std::vector<engine::ActiveRule> active;
  std::vector<std::shared_ptr<const RuleDefinition>> custom_definitions;
  std::vector<engine::CompiledExemption> exemptions;
  /// The schemas of options.kube_version and schema_dirs; null when no active rule needs them.
  std::shared_ptr<const SchemaCatalogue> schemas;
};

namespace {

// A document that means to be a Kubernetes object: a mapping with a kind, or with an apiVersion
// and metadata (a manifest that lost its kind is still reported); or a list of such mappings (a
// template that printed a list; invalid-resource explains it). Chart.yaml has an apiVersion but
// neither; chartproof's own policy files and kustomize's configuration have a kind but are read by
// tools, never sent to the API server.
bool looks_like_object(Node node, bool in_list = false) {
  if (node.is_map()) {
    std::string_view api_version = node.get_text("apiVersion");
    std::string_view group = api_version.substr(0, api_version.find('/'));
    if (group == "chartproof.io" || group == "kustomize.config.k8s.io") return false;
    return node.get("kind") || (node.get("apiVersion") && node.get("metadata"));
  }
  if (!node.is_seq() || in_list) return false;
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (looks_like_object(node.item(i), true)) return true;
  }
  return false;
}

bool looks_like_object(const ParsedDocument& d) { return d.tree && looks_like_object(d.tree->root()); }

bool names_rule(const std::vector<std::string>& list, const RuleMeta& meta) {
  return lists_rule(list, meta.id, meta.pack);
}

// Collects a rule's findings for one resource or document, filling in what the rule does not know.
class CollectingReporter : public Reporter {
 public:
  /// `drop` (optional, outlives the reporter) removes a finding about a resource that an
  /// exemption covers or that is ignored.
  using Drop = std::function<bool(const Resource&, const Finding&)>;
  CollectingReporter(const RuleDefinition& definition, Severity severity, std::vector<Finding>& out,
                     const ChartFolder* chart = nullptr, const Drop* drop = nullptr)
      : definition_(definition), severity_(severity), out_(out), chart_(chart), drop_(drop) {}

  void report(const Resource& resource, const Field& field, std::string message) override {
    report_at_most(resource, field, std::move(message), Severity::Error);
  }

  void report_at_most(const Resource& resource, const Field& field, std::string message, Severity cap) override {
    Finding f = base(resource, std::move(message));
    f.severity = std::min(f.severity, cap);
    f.resource = resource.ref;
    f.path = field.path;
    f.keyed_path = model::keyed_path(resource.root, field.path, members_);
    Node at = field.node ? field.node : resource.root;
    f.line = at.line();
    f.column = at.column();
    if (field.offset && field.node && resource.document->file) {
      // A line inside a literal block (a credential in a config file kept in a ConfigMap entry).
      if (auto in_block = model::position_in_literal_block(field.node, *field.offset, resource.document->file->text)) {
        f.line = in_block->line;
        f.column = in_block->column;
      }
    }
    if (chart_ && field.node) f.value_source = chart_->value_source(field.path, field.node);
    f.value_part = field.part;
    f.fix = field.fix;
    if (drop_ && (*drop_)(resource, f)) return;
    out_.push_back(std::move(f));
  }

  void report_document(const ParsedDocument& document, std::uint32_t line, std::uint32_t column,
                       std::string message) override {
    Finding f = base(std::move(message));
    f.file = document.file ? document.file->path : std::string();
    f.template_name = document.template_name;
    f.line = line;
    f.column = column;
    out_.push_back(std::move(f));
  }

  void report_file(const std::string& file, std::uint32_t line, std::uint32_t column, std::string message) override {
    Finding f = base(std::move(message));
    f.file = file;
    f.line = line;
    f.column = column;
    out_.push_back(std::move(f));
  }

 private:
  Finding base(const Resource& resource, std::string message) const {
    Finding f = base(std::move(message));
    const ParsedDocument& document = *resource.document;
    f.file = document.file ? document.file->path : std::string();
    f.template_name = document.template_name;
    return f;
  }
  Finding base(std::string message) const {
    Finding f;
    f.rule = definition_.meta.id;
    f.pack = definition_.meta.pack;
    f.severity = severity_;
    f.message = std::move(message);
    f.remediation = definition_.meta.remediation;
    f.sensitive = definition_.meta.sensitive;
    return f;
  }
  const RuleDefinition& definition_;
  Severity severity_;
  std::vector<Finding>& out_;
  const ChartFolder* chart_;  ///< the chart whose render holds the resource, if any
  const Drop* drop_;
  model::MemberIndex members_;  ///< for the keyed paths of this reporter's findings (one resource)
};

// The `chartproof.io/ignore` annotation lists rule ids, pack names or "all".
bool ignores(const Resource& r, const RuleMeta& meta) { return names_rule(r.ignored, meta); }

// Overlays `settings` on `values` after checking names and types against the rule's parameters.
std::optional<Error> apply_params(const RuleMeta& meta, const std::map<std::string, ParamValue>& settings,
                                  std::map<std::string, ParamValue>& values) {
  for (const auto& setting : settings) {
    const std::string& name = setting.first;
    auto spec =
        std::find_if(meta.params.begin(), meta.params.end(), [&](const ParamSpec& p) { return p.name == name; });
    if (spec == meta.params.end()) {
      std::vector<std::string> declared;
      for (const auto& p : meta.params) declared.push_back(p.name);
      return Error{
          "", 0, 0,
          "rule \"" + meta.id + "\" has no parameter \"" + name + "\"" + support::did_you_mean(name, declared)};
    }
    // The same judgement the policy reader makes, for options given in code.
    ParamValue given = setting.second;
    if (auto why = accept_param_value(meta, *spec, given)) return Error{"", 0, 0, *why};
    values[name] = std::move(given);
  }
  return std::nullopt;
}

// Adds the severities of `findings` to the summary's error, warning and info counts.
// Severity counts and objects (a grouped finding stands for several) of findings, added to `s`.
void count_severities(const std::vector<Finding>& findings, Summary& s) {
  for (const auto& f : findings) {
    (f.severity == Severity::Error ? s.error : f.severity == Severity::Warning ? s.warning : s.info)++;
    s.objects += f.occurrences();
  }
}

}  // namespace

bool LintReport::ok(Severity fail_on) const {
  auto fails = [&](const Finding& f) { return f.severity >= fail_on; };
  return std::none_of(findings.begin(), findings.end(), fails) && std::none_of(hidden.begin(), hidden.end(), fails);
}

LintReport LintReport::filtered(const std::function<bool(const Finding&)>& keep) const {
  LintReport out = *this;
  out.findings.clear();
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out.findings), keep);
  Summary& s = out.summary;
  s.findings = out.findings.size() + hidden.size();
  s.error = s.warning = s.info = s.objects = 0;
  count_severities(out.findings, s);
  count_severities(hidden, s);
  return out;
}

void LintReport::hide_below(Severity min) {
  std::vector<Finding> shown;
  for (auto& f : findings) (f.severity < min ? hidden : shown).push_back(std::move(f));
  findings = std::move(shown);
  std::stable_sort(hidden.begin(), hidden.end(), finding_less);
  summary.hidden = hidden.size();
}

std::vector<const ChartFolder*> LintReport::charts() const {
  std::vector<const ChartFolder*> out;
  for (const auto& input : inputs) {
    for (const auto& chart : input->charts) out.push_back(&chart);
  }
  return out;
}

const ChartFolder* LintReport::chart_of(const Finding& f) const {
  if (!f.rendered) return nullptr;
  for (const ChartFolder* chart : charts()) {
    if (chart->render_name() == f.rendered->file) return chart;
  }
  return nullptr;
}

void LintReport::merge(LintReport other) {
  for (auto& i : other.inputs) inputs.push_back(std::move(i));
  std::vector<Finding> merged;
  merged.reserve(findings.size() + other.findings.size());
  std::merge(std::make_move_iterator(findings.begin()), std::make_move_iterator(findings.end()),
             std::make_move_iterator(other.findings.begin()), std::make_move_iterator(other.findings.end()),
             std::back_inserter(merged), finding_less);
  findings = std::move(merged);
  for (auto& f : other.baselined) baselined.push_back(std::move(f));
  std::stable_sort(baselined.begin(), baselined.end(), finding_less);
  for (auto& f : other.hidden) hidden.push_back(std::move(f));
  std::stable_sort(hidden.begin(), hidden.end(), finding_less);
  for (auto& e : other.errors) errors.push_back(std::move(e));
  for (auto& f : other.skipped_files) skipped_files.push_back(std::move(f));
  for (auto& c : other.chart_maps) chart_maps.push_back(std::move(c));
  for (auto& n : other.notes) {
    bool said = std::any_of(notes.begin(), notes.end(), [&](const Error& e) { return e.to_string() == n.to_string(); });
    if (!said) notes.push_back(std::move(n));
  }
  if (rules.empty()) rules = std::move(other.rules);
  if (helm_test_packs.empty()) helm_test_packs = std::move(other.helm_test_packs);
  Summary& s = summary;
  const Summary& o = other.summary;
  s.documents += o.documents;
  s.resources += o.resources;
  s.skipped += o.skipped;
  s.baselined += o.baselined;
  s.hidden += o.hidden;
  s.objects += o.objects;
  s.helm_test_hooks += o.helm_test_hooks;
  s.findings += o.findings;
  s.error += o.error;
  s.warning += o.warning;
  s.info += o.info;
}

const LintOptions& Linter::options() const { return state_->options; }

std::vector<EffectiveRule> Linter::effective_rules() const {
  std::vector<EffectiveRule> out;
  for (const auto& a : state_->active) {
    EffectiveRule rule{a.definition, a.enabled, a.severity, a.params, {}};
    for (const auto& s : a.scoped) rule.scoped.push_back({s.scope->scope(), s.enabled, s.severity, s.params});
    out.push_back(std::move(rule));
  }
  return out;
}

std::vector<const RuleDefinition*> Linter::definitions() const {
  const RuleCatalogue& catalogue = state_->options.catalogue ? *state_->options.catalogue : *RuleCatalogue::builtin();
  std::vector<const RuleDefinition*> out = catalogue.rules();
  for (const auto& def : state_->custom_definitions) out.push_back(def.get());
  return out;
}

LintOptions options_from_policy(const Policy& policy) {
  LintOptions o;
  o.rules = policy.rules;
  o.exemptions = policy.exemptions;
  o.custom_rules = policy.custom_rules;
  o.kube_version = policy.kubernetes.version;
  o.schema_dirs = policy.kubernetes.schema_dirs;
  if (policy.kubernetes.schema_mode == "lenient") o.schema_mode = SchemaMode::Lenient;
  if (policy.helm_test_packs) o.helm_test_packs = *policy.helm_test_packs;
  o.pod_security_version = policy.pod_security.version;
  o.namespace_labels = policy.pod_security.namespace_labels;
  o.notes = policy.notes;
  return o;
}

Expected<Linter> Linter::create(const LintOptions& options) {
  Linter linter;
  auto state = std::make_shared<State>();
  linter.state_ = state;
  state->options = options;
  for (const auto& spec : options.custom_rules) {
    auto def = rules::make_custom_rule_definition(spec);
    if (!def) return def.error();
    state->custom_definitions.push_back(std::make_shared<const RuleDefinition>(std::move(def.value())));
  }
  auto all = linter.definitions();
  std::vector<std::string> names;
  std::set<std::string> packs;
  for (const auto* def : all) {
    names.push_back(def->meta.id);
    packs.insert(def->meta.pack);
  }
  std::vector<std::string> names_and_packs = names;
  names_and_packs.insert(names_and_packs.end(), packs.begin(), packs.end());
  for (const auto* list : {&options.enable, &options.disable}) {
    for (const auto& s : *list) {
      if (s == "all" || std::find(names_and_packs.begin(), names_and_packs.end(), s) != names_and_packs.end()) continue;
      return Error{"", 0, 0,
                   "unknown rule or pack \"" + s + "\"" + support::did_you_mean(s, names_and_packs) +
                       "; `chartproof rules` lists them"};
    }
  }
  for (const auto& [id, cfg] : options.rules) {
    if (std::find(names.begin(), names.end(), id) == names.end()) {
      return Error{"", 0, 0, "unknown rule \"" + id + "\"" + support::did_you_mean(id, names)};
    }
  }

  for (const RuleDefinition* def : all) {
    const RuleConfig* cfg = nullptr;
    if (auto it = options.rules.find(def->meta.id); it != options.rules.end()) cfg = &it->second;
    bool enabled = cfg && cfg->enabled ? *cfg->enabled : def->meta.enabled_by_default;
    if (names_rule(options.enable, def->meta)) enabled = true;
    bool forced_off = names_rule(options.disable, def->meta);  // disable wins, in every scope

    std::map<std::string, ParamValue> values;
    for (const auto& p : def->meta.params) values[p.name] = p.default_value;
    if (cfg) {
      if (auto err = apply_params(def->meta, cfg->params, values)) return *err;
    }
    Severity severity = cfg && cfg->severity ? *cfg->severity : def->meta.severity;
    engine::ActiveRule active{def, severity, Params(values), nullptr, enabled && !forced_off, {}};
    bool any_scope_on = false;
    if (cfg && !forced_off) {
      for (const auto& scoped : cfg->scoped) {
        std::map<std::string, ParamValue> scoped_values = values;
        if (auto err = apply_params(def->meta, scoped.settings.params, scoped_values)) return *err;
        bool on = scoped.settings.enabled.value_or(enabled);
        Params params(std::move(scoped_values));
        if (def->validate) {
          if (auto why = def->validate(params)) return Error{"", 0, 0, "rule \"" + def->meta.id + "\": " + *why};
        }
        auto rule = std::shared_ptr<const Rule>(def->make(params));
        active.scoped.push_back(engine::ScopedRule{std::make_shared<const ScopeMatcher>(scoped.scope), on,
                                                   scoped.settings.severity.value_or(severity), std::move(params),
                                                   std::move(rule)});
        any_scope_on |= on;
      }
    }
    if (!active.enabled && !any_scope_on) continue;
    if (def->validate) {
      if (auto why = def->validate(active.params)) return Error{"", 0, 0, "rule \"" + def->meta.id + "\": " + *why};
    }
    active.rule = def->make(active.params);
    state->active.push_back(std::move(active));
  }
  // The Kubernetes version is checked whatever runs (a typo must not pass silently); the schemas are
  // read only for rules that use them.
  const auto& versions = kubeschema::bundled_versions();
  if (!options.kube_version.empty() && !kubeschema::VersionSchemas::is_bundled(options.kube_version)) {
    std::string list;
    for (const auto& v : versions) list += (list.empty() ? "" : ", ") + v;
    return Error{"", 0, 0,
                 "no schemas for Kubernetes " + options.kube_version + " (--kube-version); bundled versions: " + list};
  }
  bool needs_schemas = std::any_of(state->active.begin(), state->active.end(),
                                   [](const engine::ActiveRule& a) { return a.definition->meta.needs_schemas; });
  if (needs_schemas) {
    auto catalogue = SchemaCatalogue::load(options.kube_version, options.schema_dirs);
    if (!catalogue) return catalogue.error();
    state->schemas = std::move(catalogue.value());
  }
  std::string today = options.today.empty() ? support::today_utc() : options.today;
  for (const auto& ex : state->options.exemptions) {
    state->exemptions.push_back(engine::CompiledExemption{&ex, std::make_shared<const ScopeMatcher>(ex.scope),
                                                          !ex.expires.empty() && ex.expires < today});
  }
  return linter;
}

std::shared_ptr<const Input> load_input(std::vector<SourceFile> files, const LintOptions& options,
                                        std::vector<ChartSources> charts) {
  auto input = std::make_shared<Input>();
  // A chart's render is linted like any rendered file; its position is remembered for the chart.
  std::vector<std::optional<std::size_t>> render_at(charts.size());
  for (std::size_t c = 0; c < charts.size(); ++c) {
    if (!charts[c].render) continue;
    render_at[c] = files.size();
    files.push_back(std::move(*charts[c].render));
    charts[c].render.reset();
  }
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
  support::parallel_for(tasks.size(), options.jobs, [&](std::size_t i) {
    parsed[i] = parse_chunk(*tasks[i].file, tasks[i].chunk, options.limits);
  });
  // A file none of whose documents looks like a Kubernetes object (looks_like_object: a GitHub
  // workflow, docker-compose.yml, a values file, Chart.yaml) is not a manifest, and is skipped
  // rather than reported as invalid-resource. One object-like document, or a document that is not
  // valid YAML, makes the whole file a manifest, so its other documents are still reported. A
  // chart's render is always a manifest.
  std::set<const SourceFile*> manifests;
  for (std::size_t c = 0; c < charts.size(); ++c) {
    if (render_at[c]) manifests.insert(input->files[*render_at[c]].get());
  }
  std::set<const SourceFile*> holds_documents;  // an empty or comment-only file is empty, not skipped
  for (const auto& d : parsed) {
    if (!d.empty()) holds_documents.insert(d.file);
    if (!d.issues.empty() || looks_like_object(d)) manifests.insert(d.file);
  }
  std::vector<ParsedDocument> documents;
  documents.reserve(parsed.size());
  for (auto& d : parsed) {
    if (!d.empty() && manifests.count(d.file) != 0) documents.push_back(std::move(d));
  }
  for (const auto& f : input->files) {
    if (manifests.count(f.get()) == 0 && holds_documents.count(f.get()) != 0) input->skipped.push_back(f->path);
  }
  input->graph = ResourceGraph::build(std::move(documents), options.default_namespace);
  for (std::size_t c = 0; c < charts.size(); ++c) {
    const SourceFile* render = render_at[c] ? input->files[*render_at[c]].get() : nullptr;
    input->charts.push_back(
        ChartFolder::build(std::move(charts[c]), render, options.default_namespace, options.limits));
    // Chart.yaml and values files join the inputs for code frames; they are not manifests.
    for (const auto& f : input->charts.back().files) input->files.push_back(f);
    for (const auto& f : input->charts.back().read_files) input->files.push_back(f);
  }
  return input;
}

void Linter::lint_context(const Input& context, std::vector<std::atomic<bool>>& exemption_used,
                          std::vector<Finding>& findings) const {
  const Input* input = &context;
  const ResourceGraph& graph = input->graph;
  const auto& docs = graph.documents();
  const auto& resources = graph.resources();
  std::map<const SourceFile*, const ChartFolder*> chart_of_render;
  for (const auto& chart : input->charts) {
    if (chart.render) chart_of_render[chart.render] = &chart;
  }
  // A `helm test` hook pod is linted only by the rules its policy switch names (packs, ids or all).
  auto lints_helm_tests = [&](const RuleMeta& meta) { return names_rule(state_->options.helm_test_packs, meta); };
  // An exemption that covers a finding of `r` removes it and records that it was needed.
  const CollectingReporter::Drop exempted = [&](const Resource& r, const Finding& f) {
    for (std::size_t e = 0; e < state_->exemptions.size(); ++e) {
      const auto& ex = state_->exemptions[e];
      if (ex.expired) continue;
      if (lists_rule(ex.exemption->rules, f.rule, f.pack) && ex.scope->matches(r)) {
        exemption_used[e] = true;
        return true;
      }
    }
    return false;
  };
  // The run's schemas: the linter's catalogue plus this input's CRDs, compiled before the parallel part.
  std::optional<Schemas> schemas;
  if (state_->schemas) schemas.emplace(*state_->schemas, graph);
  const RuleContext run_context{graph, state_->options, schemas ? &*schemas : nullptr, nullptr};
  // One slot per document and per resource, merged in input order: the same output for any --jobs.
  std::vector<std::vector<Finding>> slots(docs.size() + resources.size());
  support::parallel_for(slots.size(), state_->options.jobs, [&](std::size_t i) {
    std::vector<Finding>& out = slots[i];
    if (i < docs.size()) {
      for (const auto& a : state_->active) {
        if (!a.enabled || !a.definition->meta.checks(RuleSubject::Document)) continue;
        CollectingReporter reporter(*a.definition, a.severity, out);
        a.rule->check_document(docs[i], run_context, reporter);
      }
      return;
    }
    const Resource& r = resources[i - docs.size()];
    auto chart = chart_of_render.find(r.document->file);
    RuleContext ctx = run_context;
    ctx.chart = chart == chart_of_render.end() ? nullptr : chart->second;
    for (const auto& a : state_->active) {
      if (!a.definition->meta.inspects(r.ref.kind) || ignores(r, a.definition->meta)) continue;
      if (r.helm_test_hook && !lints_helm_tests(a.definition->meta)) continue;
      // The last scope that contains the resource decides; outside every scope, the rule's own settings.
      const engine::ScopedRule* chosen = nullptr;
      for (auto it = a.scoped.rbegin(); it != a.scoped.rend() && !chosen; ++it) {
        if (it->scope->matches(r)) chosen = &*it;
      }
      if (chosen ? !chosen->enabled : !a.enabled) continue;
      CollectingReporter reporter(*a.definition, chosen ? chosen->severity : a.severity, out, ctx.chart,
                                  state_->exemptions.empty() ? nullptr : &exempted);
      (chosen ? chosen->rule : a.rule)->check(r, ctx, reporter);
    }
  });
  std::size_t first = findings.size();
  for (auto& s : slots) std::move(s.begin(), s.end(), std::back_inserter(findings));
  // Chart folders' own files (chart mode); few and small, so one thread.
  for (const auto& chart : input->charts) {
    RuleContext ctx = run_context;
    ctx.chart = &chart;
    for (const auto& a : state_->active) {
      if (!a.enabled || !a.definition->meta.checks(RuleSubject::Chart)) continue;
      // A chart rule may report on resources (hardcoded-secret-data): their ignore annotations and
      // exemptions apply as in the resource pass.
      const RuleMeta& meta = a.definition->meta;
      const CollectingReporter::Drop drop = [&](const Resource& r, const Finding& f) {
        return ignores(r, meta) || exempted(r, f);
      };
      CollectingReporter reporter(*a.definition, a.severity, findings, &chart, &drop);
      a.rule->check_chart(chart, ctx, reporter);
    }
  }
  // Chart mode: every finding on a render moves to the template or values line a person edits.
  for (std::size_t i = first; i < findings.size(); ++i) {
    for (const auto& chart : input->charts) chart.locate(findings[i]);
  }
}

namespace {

ChartMapStats chart_map_stats(const ChartFolder& chart) {
  ChartMapStats stats;
  stats.dir = chart.dir;
  for (const auto& line : chart.source_map.lines) stats.mapped_lines += line.has_value();
  if (chart.render) {
    stats.rendered_lines =
        static_cast<std::size_t>(std::count(chart.render->text.begin(), chart.render->text.end(), '\n'));
  }
  stats.sections = chart.source_map.sections;
  stats.aligned_sections = chart.source_map.aligned_sections;
  stats.source_map_error = chart.source_map_error;
  return stats;
}

}  // namespace

LintReport Linter::run(std::shared_ptr<const Input> input) const {
  std::vector<std::shared_ptr<const Input>> inputs;
  inputs.push_back(std::move(input));
  return run(std::move(inputs));
}

LintReport Linter::run(std::vector<std::shared_ptr<const Input>> inputs) const {
  std::vector<std::atomic<bool>> exemption_used(state_->exemptions.size());
  LintReport report;
  for (const auto& a : state_->active) report.rules.push_back(RuleRun{a.definition->meta, a.severity});
  for (const auto& input : inputs) {
    lint_context(*input, exemption_used, report.findings);
    report.summary.documents += input->graph.documents().size();
    report.summary.resources += input->graph.resources().size();
    report.summary.skipped += input->skipped.size();
    for (const Resource& r : input->graph.resources()) report.summary.helm_test_hooks += r.helm_test_hook;
    report.skipped_files.insert(report.skipped_files.end(), input->skipped.begin(), input->skipped.end());
    for (const ChartFolder& chart : input->charts) report.chart_maps.push_back(chart_map_stats(chart));
  }
  report.inputs = std::move(inputs);
  report.notes = state_->options.notes;
  report.helm_test_packs = state_->options.helm_test_packs;
  // The baseline takes the findings it holds, each entry up to its count, in input order.
  std::vector<BaselineUse> baseline_uses;
  if (state_->options.baseline) {
    std::unordered_map<std::string_view, std::size_t> entry_of;
    for (const auto& entry : state_->options.baseline->entries) {
      entry_of.emplace(entry.fingerprint, baseline_uses.size());
      baseline_uses.push_back(BaselineUse{&entry, entry.count});
    }
    std::vector<Finding> kept;
    for (auto& f : report.findings) {
      auto it =
          entry_of.find(state_->options.baseline->version == 1 ? finding_fingerprint_v1(f) : finding_fingerprint(f));
      if (it != entry_of.end() && baseline_uses[it->second].unmatched > 0) {
        --baseline_uses[it->second].unmatched;
        report.baselined.push_back(std::move(f));
      } else {
        kept.push_back(std::move(f));
      }
    }
    report.findings = std::move(kept);
  }
  // Run-level checks come last: they judge what every context above did (which exemptions were
  // used, which baseline entries matched); their findings are about the policy and the baseline,
  // so no baseline hides them.
  std::vector<ExemptionUse> uses;
  for (std::size_t e = 0; e < state_->exemptions.size(); ++e) {
    uses.push_back(
        ExemptionUse{state_->exemptions[e].exemption, state_->exemptions[e].expired, exemption_used[e].load()});
  }
  const RunContext ctx{state_->options, uses, state_->options.baseline ? &baseline_uses : nullptr};
  for (const auto& a : state_->active) {
    if (!a.enabled || !a.definition->meta.checks(RuleSubject::Run)) continue;
    CollectingReporter reporter(*a.definition, a.severity, report.findings);
    a.rule->check_run(ctx, reporter);
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), finding_less);
  std::stable_sort(report.baselined.begin(), report.baselined.end(), finding_less);
  // After the baseline and exemptions, which match object by object: one fix, one finding.
  group_at_edit_locations(report.findings);
  Summary& sum = report.summary;
  sum.findings = report.findings.size();
  sum.baselined = report.baselined.size();
  count_severities(report.findings, sum);
  return report;
}

LintReport Linter::lint(std::vector<SourceFile> files, std::vector<ChartSources> charts) const {
  return run(load_input(std::move(files), state_->options, std::move(charts)));
}

ChartRenders Linter::chart_renders() const {
  bool probe = std::any_of(state_->active.begin(), state_->active.end(), [](const engine::ActiveRule& a) {
    return a.definition->meta.needs_probe_render &&
           (a.enabled ||
            std::any_of(a.scoped.begin(), a.scoped.end(), [](const engine::ScopedRule& s) { return s.enabled; }));
  });
  return probe ? ChartRenders::Twice : ChartRenders::Once;
}

}  // namespace chartproof
