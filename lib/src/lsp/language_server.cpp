// The language server's answers (language_server.hpp): lifecycle, documents, diagnostics, hover,
// code actions, settings.
#include "lsp/language_server.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"
#include "chartproof/rule.hpp"
#include "chartproof/version.hpp"
#include "io/read_file.hpp"
#include "lsp/exemption_edit.hpp"
#include "lsp/ignore_annotation.hpp"
#include "lsp/json_text.hpp"
#include "lsp/text_position.hpp"
#include "lsp/uri.hpp"
#include "support/text_line.hpp"
#include "support/today.hpp"

namespace chartproof::lsp {
namespace fs = std::filesystem;
namespace {

// params.a.b... as an object/value, or null when any step is missing or of another type.
const rapidjson::Value* member(const rapidjson::Value* v, std::initializer_list<const char*> path) {
  for (const char* key : path) {
    if (!v || !v->IsObject()) return nullptr;
    auto it = v->FindMember(key);
    if (it == v->MemberEnd()) return nullptr;
    v = &it->value;
  }
  return v;
}

std::string string_at(const rapidjson::Value* v, std::initializer_list<const char*> path) {
  const rapidjson::Value* s = member(v, path);
  return s && s->IsString() ? std::string(s->GetString(), s->GetStringLength()) : std::string();
}

std::optional<std::uint32_t> uint_at(const rapidjson::Value* v, std::initializer_list<const char*> path) {
  const rapidjson::Value* n = member(v, path);
  if (!n || !n->IsUint()) return std::nullopt;
  return n->GetUint();
}

// A string or a list of strings (a setting given either way).
std::vector<std::string> strings_at(const rapidjson::Value* v, std::initializer_list<const char*> path) {
  const rapidjson::Value* s = member(v, path);
  std::vector<std::string> out;
  if (s && s->IsString()) out.emplace_back(s->GetString(), s->GetStringLength());
  if (s && s->IsArray()) {
    for (const auto& item : s->GetArray()) {
      if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
    }
  }
  return out;
}

// The UTF-16 length of the first `count` units of `line`, counted in code points (`bytes` false) or
// bytes (`bytes` true): the protocol's default position encoding.
std::uint32_t utf16_units(std::string_view line, std::uint32_t count, bool bytes) {
  std::uint32_t units = 0;
  std::uint32_t seen = 0;
  for (std::size_t i = 0; i < line.size() && seen < count;) {
    const auto c = static_cast<unsigned char>(line[i]);
    const std::size_t length = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 1;
    units += length == 4 ? 2 : 1;
    seen += bytes ? static_cast<std::uint32_t>(length) : 1;
    i += length;
  }
  return units + (seen < count ? count - seen : 0);
}

std::string position(std::uint32_t line, std::uint32_t character) {
  return R"({"line":)" + std::to_string(line) + R"(,"character":)" + std::to_string(character) + "}";
}

std::string range(std::uint32_t line, std::uint32_t start, std::uint32_t end_line, std::uint32_t end) {
  return R"({"start":)" + position(line, start) + R"(,"end":)" + position(end_line, end) + "}";
}

// A TextEdit: the text from (line, start) to (end_line, end) replaced by `text` (0-based lines,
// UTF-16 characters).
std::string text_edit_json(std::uint32_t line, std::uint32_t start, std::uint32_t end_line, std::uint32_t end,
                           std::string_view text) {
  return R"({"range":)" + range(line, start, end_line, end) + R"(,"newText":)" + quote(text) + "}";
}

std::string diagnostic_json(const Diagnostic& d) {
  return R"({"range":)" + range(d.line, d.start, d.line, d.end) + R"(,"severity":)" + std::to_string(d.severity) +
         R"(,"source":"chartproof","code":)" + quote(d.rule) + R"(,"message":)" + quote(d.message) + "}";
}

std::string publish(const std::string& path, const std::vector<Diagnostic>& diagnostics) {
  std::string list = "[";
  for (const auto& d : diagnostics) list += (list.size() > 1 ? "," : "") + diagnostic_json(d);
  return notification("textDocument/publishDiagnostics",
                      R"({"uri":)" + quote(uri_of_path(path)) + R"(,"diagnostics":)" + list + "]}");
}

int severity_code(Severity s) {
  switch (s) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    default:
      return 3;
  }
}

// A policy file: a project's .chartproof.yaml, or a document of chartproof's Policy kind.
bool is_policy_file(const std::string& path, std::string_view text) {
  return fs::path(path).filename() == ".chartproof.yaml" ||
         (text.find("apiVersion: chartproof.io/") != std::string_view::npos &&
          text.find("kind: Policy") != std::string_view::npos);
}

bool is_yaml(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".tpl";
}

// Whether `path` is one of the files helm reads to render the chart at `root`: Chart.yaml, a
// values file at its top, or anything under templates/ or charts/ (a subchart's).
bool part_of_chart(const std::string& root, const std::string& path) {
  const std::string relative = path.substr(std::min(path.size(), root.size() + 1));
  if (relative.starts_with("templates/") || relative.starts_with("charts/")) return true;
  return relative.find('/') == std::string::npos &&
         (relative == "Chart.yaml" || (relative.starts_with("values") && is_yaml(relative)));
}

}  // namespace

std::vector<std::string> LanguageServer::handle(std::string_view body) {
  rapidjson::Document d;
  d.Parse(body.data(), body.size());
  if (d.HasParseError()) {
    return {error_response("null", kParseError,
                           std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) + " at byte " +
                               std::to_string(d.GetErrorOffset()))};
  }
  if (!d.IsObject()) return {error_response("null", kInvalidRequest, "a message is a JSON object")};
  std::string id;
  if (auto it = d.FindMember("id"); it != d.MemberEnd()) {
    if (it->value.IsString()) id = quote(std::string_view(it->value.GetString(), it->value.GetStringLength()));
    if (it->value.IsInt64()) id = std::to_string(it->value.GetInt64());
    if (id.empty()) return {error_response("null", kInvalidRequest, "the id is neither a number nor a string")};
  }
  const rapidjson::Value* method = member(&d, {"method"});
  if (!method || !method->IsString()) {
    // A response to a request of ours (we send none) is ignored; anything else is malformed.
    if (!id.empty() && (d.HasMember("result") || d.HasMember("error"))) return {};
    return {error_response(id.empty() ? "null" : id, kInvalidRequest, "a request names its method")};
  }
  const std::string_view name(method->GetString(), method->GetStringLength());
  const rapidjson::Value* params = member(&d, {"params"});
  return id.empty() ? on_notification(name, params) : on_request(name, id, params);
}

std::vector<std::string> LanguageServer::on_request(std::string_view method, const std::string& id,
                                                    const rapidjson::Value* params) {
  if (method == "initialize") {
    if (initialized_) return {error_response(id, kInvalidRequest, "initialize was already received")};
    initialized_ = true;
    configure(member(params, {"initializationOptions"}));
    if (const rapidjson::Value* operations =
            member(params, {"capabilities", "workspace", "workspaceEdit", "resourceOperations"});
        operations && operations->IsArray()) {
      for (const auto& op : operations->GetArray()) client_creates_files_ |= op.IsString() && op == "create";
    }
    return {response(
        id, R"({"capabilities":{"textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},)"
            R"("hoverProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix"]}},)"
            R"("serverInfo":{"name":"chartproof","version":)" +
                quote(version()) + "}}")};
  }
  if (!initialized_) return {error_response(id, kServerNotInitialized, "the server is not initialized")};
  if (shutdown_) return {error_response(id, kInvalidRequest, "the server is shutting down")};
  if (method == "shutdown") {
    shutdown_ = true;
    return {response(id, "null")};
  }
  const auto path = path_of_uri(string_at(params, {"textDocument", "uri"}));
  if (method == "textDocument/hover" || method == "textDocument/codeAction") {
    if (!path) return {error_response(id, kInvalidParams, "textDocument.uri is not a file:// URI")};
    if (method == "textDocument/hover") {
      auto line = uint_at(params, {"position", "line"});
      auto character = uint_at(params, {"position", "character"});
      if (!line || !character) return {error_response(id, kInvalidParams, "position.line and .character")};
      return {response(id, hover(*path, *line, *character))};
    }
    auto first = uint_at(params, {"range", "start", "line"});
    auto last = uint_at(params, {"range", "end", "line"});
    if (!first || !last) return {error_response(id, kInvalidParams, "range.start.line and range.end.line")};
    return {response(id, code_actions(*path, *first, std::max(*first, *last)))};
  }
  return {error_response(id, kMethodNotFound, "chartproof's server does not handle " + std::string(method))};
}

std::vector<std::string> LanguageServer::on_notification(std::string_view method, const rapidjson::Value* params) {
  if (method == "exit") {
    exited_ = true;
    return {};
  }
  if (!initialized_ || shutdown_) return {};
  if (method == "workspace/didChangeConfiguration") {
    configure(member(params, {"settings"}));
    relint_all();
    ++edit_count_;
    return {};
  }
  const auto path = path_of_uri(string_at(params, {"textDocument", "uri"}));
  if (!path) return {};
  if (method == "textDocument/didOpen") {
    const rapidjson::Value* text = member(params, {"textDocument", "text"});
    if (text && text->IsString()) open(*path, std::string(text->GetString(), text->GetStringLength()));
  } else if (method == "textDocument/didChange") {
    auto doc = documents_.find(*path);
    const rapidjson::Value* changes = member(params, {"contentChanges"});
    if (doc == documents_.end() || !changes || !changes->IsArray()) return {};
    // Incremental synchronization (the capability says so): each change replaces its range, in
    // order; a change without a range is the whole text.
    for (const auto& change : changes->GetArray()) {
      const rapidjson::Value* text = member(&change, {"text"});
      if (!text || !text->IsString()) continue;
      const std::string_view inserted(text->GetString(), text->GetStringLength());
      if (!member(&change, {"range"})) {
        doc->second.assign(inserted);
        continue;
      }
      auto start_line = uint_at(&change, {"range", "start", "line"});
      auto start_character = uint_at(&change, {"range", "start", "character"});
      auto end_line = uint_at(&change, {"range", "end", "line"});
      auto end_character = uint_at(&change, {"range", "end", "character"});
      if (!start_line || !start_character || !end_line || !end_character) continue;  // not a range: ignored
      const std::size_t from = offset_of(doc->second, *start_line, *start_character);
      const std::size_t to = std::max(from, offset_of(doc->second, *end_line, *end_character));
      doc->second.replace(from, to - from, inserted);
    }
    ++edit_count_;
    if (Unit* u = unit_of(*path)) mark_dirty(u->unit.root);
  } else if (method == "textDocument/didSave") {
    ++edit_count_;
    if (Unit* u = unit_of(*path)) mark_dirty(u->unit.root);
    // A policy file saved changes what every other unit is linted with.
    if (auto doc = documents_.find(*path); doc != documents_.end() && is_policy_file(*path, doc->second)) {
      relint_all();
    }
  } else if (method == "textDocument/didClose") {
    documents_.erase(*path);
    ++edit_count_;
    auto it = units_.find(*path);
    if (it != units_.end() && !it->second.unit.chart) {
      // A manifest closed: its diagnostics go with it.
      std::vector<std::string> out;
      for (const auto& file : it->second.published) out.push_back(publish(file, {}));
      dirty_.erase(*path);
      cancel_lint(*path);
      units_.erase(it);
      return out;
    }
    if (Unit* u = unit_of(*path)) mark_dirty(u->unit.root);
  }
  return {};
}

void LanguageServer::open(const std::string& path, std::string text) {
  ++edit_count_;
  const bool yaml = is_yaml(path);
  const bool policy = yaml && is_policy_file(path, text);
  documents_[path] = std::move(text);
  std::string root = chart_root_of(path);
  if (!root.empty() && !part_of_chart(root, path)) root.clear();  // a rendered manifest kept beside a chart
  if (policy || root.empty()) {
    if (!yaml) return;  // a file outside any chart that is not YAML: nothing to lint
    root = path;
  }
  auto [it, added] = units_.try_emplace(root);
  if (added) it->second.unit = LintUnit{root, root != path};
  mark_dirty(root);
}

LanguageServer::Unit* LanguageServer::unit_of(const std::string& path) {
  if (auto it = units_.find(path); it != units_.end()) return &it->second;
  // The chart units known from the files opened (not the disk: a chart folder deleted while open
  // still has its unit, which then says it is gone).
  for (auto& [root, unit] : units_) {
    if (unit.unit.chart && path.starts_with(root + "/") && part_of_chart(root, path)) return &unit;
  }
  return nullptr;
}

void LanguageServer::configure(const rapidjson::Value* settings) {
  if (!settings || !settings->IsObject()) return;
  if (const rapidjson::Value* nested = member(settings, {"chartproof"})) settings = nested;
  LintRequest next;
  next.profile = string_at(settings, {"profile"});
  next.policy_files = strings_at(settings, {"policy"});
  next.chart.values_files = strings_at(settings, {"values"});
  next.chart.set = strings_at(settings, {"set"});
  if (std::string helm = string_at(settings, {"helm"}); !helm.empty()) next.chart.helm = helm;
  if (std::string kube = string_at(settings, {"kubeVersion"}); !kube.empty()) next.kube_version = kube;
  if (std::string ns = string_at(settings, {"namespace"}); !ns.empty()) next.default_namespace = ns;
  base_ = std::move(next);
}

std::string_view LanguageServer::shown_text(const std::string& path, std::map<std::string, std::string>& read) const {
  if (auto doc = documents_.find(path); doc != documents_.end()) return doc->second;
  auto [text, added] = read.try_emplace(path);
  if (added) {
    if (auto disk = io::read_file(path)) text->second = std::move(*disk);
  }
  return text->second;
}

std::string LanguageServer::policy_diagnostics(const std::string& path) {
  std::map<std::string, std::string> read;
  const std::string_view text = shown_text(path, read);
  std::vector<Diagnostic> found;
  auto policy = parse_policy(text, path);
  if (!policy) {
    const Error& e = policy.error();
    const std::uint32_t line = e.line > 0 ? e.line - 1 : 0;
    const std::string_view shown = support::text_line(text, line + 1).value_or(std::string_view());
    found.push_back(Diagnostic{line, utf16_units(shown, e.column > 0 ? e.column - 1 : 0, false),
                               utf16_units(shown, static_cast<std::uint32_t>(shown.size()), true), 1, "policy",
                               e.message});
  }
  Unit& u = units_[path];
  u.diagnostics = {{path, found}};
  u.published = {path};
  return publish(path, found);
}

LanguageServer::~LanguageServer() {
  cancel_lint("");  // a running helm is killed; the job's future then waits briefly
}

std::vector<std::string> LanguageServer::lint_dirty() {
  std::vector<std::string> out = start_lint();
  for (auto& message : finish_lint()) out.push_back(std::move(message));
  return out;
}

std::vector<std::string> LanguageServer::start_lint() {
  std::vector<std::string> out;
  if (job_) return out;  // one at a time: what is dirty meanwhile waits for it
  const std::set<std::string> roots = std::move(dirty_);
  dirty_.clear();
  auto job = std::make_unique<LintJob>();
  for (const auto& root : roots) {
    auto it = units_.find(root);
    if (it == units_.end()) continue;
    Unit& u = it->second;
    if (!u.unit.chart) {
      auto doc = documents_.find(root);
      std::string_view text = doc != documents_.end() ? std::string_view(doc->second) : std::string_view();
      if (is_policy_file(root, text)) {
        out.push_back(policy_diagnostics(root));
        continue;
      }
    }
    if (!lint_) continue;
    refresh_linter(u);
    job->parts.push_back(LintJob::Part{u.unit, u.linter, std::make_shared<std::atomic<bool>>(false), {}});
  }
  if (job->parts.empty()) return out;
  job->documents = documents_;
  job->base = base_;
  LintJob* running = job.get();
  job->done = std::async(std::launch::async, [running] {
    for (auto& part : running->parts) {
      if (part.cancelled->load()) continue;
      LintRequest base = running->base;
      base.chart.cancel = part.cancelled;
      part.result = lint_unit(part.unit, running->documents, base, false, part.linter);
    }
  });
  job_ = std::move(job);
  return out;
}

bool LanguageServer::lint_finished() const {
  return job_ && job_->done.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

std::vector<std::string> LanguageServer::finish_lint() {
  std::vector<std::string> out;
  if (!job_) return out;
  job_->done.get();
  const std::unique_ptr<LintJob> job = std::move(job_);
  for (auto& part : job->parts) {
    // A cancelled part's unit is dirty again (the edit that cancelled it said so): linted next.
    if (part.cancelled->load()) continue;
    auto it = units_.find(part.unit.root);
    if (it == units_.end()) continue;
    it->second.linter = part.linter;
    for (auto& message : publish_result(it->second, part.result)) out.push_back(std::move(message));
  }
  return out;
}

void LanguageServer::relint_all() {
  for (auto& [root, unit] : units_) {
    unit.linter.reset();
    mark_dirty(root);
  }
}

void LanguageServer::mark_dirty(const std::string& root) {
  dirty_.insert(root);
  cancel_lint(root);  // what a running lint found for it is stale now
}

void LanguageServer::cancel_lint(const std::string& root) {
  if (!job_) return;
  for (auto& part : job_->parts) {
    if (root.empty() || part.unit.root == root) part.cancelled->store(true);
  }
}

std::vector<std::string> LanguageServer::publish_result(Unit& u, const UnitLint& result) {
  std::vector<std::string> out;
  std::map<std::string, std::string> read;  // files not open, read once for this lint
  std::map<std::string, std::vector<Diagnostic>> by_file;
  auto add = [&](std::string file, std::uint32_t line, std::uint32_t column, int severity, std::string rule,
                 std::string message, ResourceRef resource) {
    if (file.empty() || file.front() != '/') file = u.unit.chart ? u.unit.root + "/Chart.yaml" : u.unit.root;
    std::error_code ec;
    if (!documents_.count(file) && !fs::is_regular_file(file, ec)) {
      // Not a file the editor can show (the chart folder itself, deleted): on an open one of the unit.
      for (const auto& [open_path, text] : documents_) {
        if (open_path == u.unit.root || open_path.starts_with(u.unit.root + "/")) {
          file = open_path;
          line = 1;
          column = 1;
          break;
        }
      }
    }
    const std::uint32_t at = line > 0 ? line - 1 : 0;
    const std::string_view shown = support::text_line(shown_text(file, read), at + 1).value_or(std::string_view());
    std::size_t content = shown.find(" #");
    content = std::min(content, shown.size());
    while (content > 0 && (shown[content - 1] == ' ' || shown[content - 1] == '\r')) --content;
    const std::uint32_t start = utf16_units(shown, column > 0 ? column - 1 : 0, false);
    const std::uint32_t end = std::max(start + 1, utf16_units(shown, static_cast<std::uint32_t>(content), true));
    by_file[file].push_back(
        Diagnostic{at, start, end, severity, std::move(rule), std::move(message), std::move(resource)});
  };
  for (const auto& f : result.findings) {
    add(f.file, f.line, f.column, severity_code(f.severity), f.rule, f.message + more_objects_suffix(f), f.resource);
  }
  for (const auto& e : result.errors) add(e.file, e.line, e.column, 1, "chartproof", e.message, {});
  // Every open file of the unit hears the result, "nothing" included: the editor then knows it was linted.
  for (const auto& [open_path, text] : documents_) {
    const bool in_unit = u.unit.chart
                             ? open_path.starts_with(u.unit.root + "/") && part_of_chart(u.unit.root, open_path)
                             : open_path == u.unit.root;
    if (in_unit) by_file.try_emplace(open_path);
  }
  for (const auto& file : u.published) {
    if (!by_file.count(file)) out.push_back(publish(file, {}));
  }
  u.published.clear();
  for (const auto& [file, diagnostics] : by_file) {
    out.push_back(publish(file, diagnostics));
    u.published.insert(file);
  }
  u.diagnostics = std::move(by_file);
  return out;
}

std::string LanguageServer::hover(const std::string& path, std::uint32_t line, std::uint32_t character) const {
  std::string text;
  for (const auto& [root, u] : units_) {
    auto it = u.diagnostics.find(path);
    if (it == u.diagnostics.end()) continue;
    for (const auto& d : it->second) {
      if (d.line != line || character < d.start || character > d.end) continue;
      const auto& rules = builtin_rules();
      auto def = std::find_if(rules.begin(), rules.end(), [&](const RuleDefinition& r) { return r.meta.id == d.rule; });
      if (def == rules.end() || text.find("`" + d.rule + "`") != std::string::npos) continue;
      text += (text.empty() ? "" : "\n\n---\n\n") + std::string("**") + d.message + "** `" + d.rule + "`\n\n" +
              def->meta.rationale + "\n\n**Fix:** " + def->meta.remediation;
      if (!def->meta.automatic_fix.empty()) text += "\n\n**chartproof fix writes:** " + def->meta.automatic_fix;
    }
  }
  if (text.empty()) return "null";
  return R"({"contents":{"kind":"markdown","value":)" + quote(text) + "}}";
}

std::string LanguageServer::code_actions(const std::string& path, std::uint32_t first, std::uint32_t last) {
  Unit* u = unit_of(path);
  if (!u || !lint_) return "[]";
  if (u->fixed_at != edit_count_) {
    // `chartproof fix` on the buffers: each edit verified by linting an edited copy, as on the CLI.
    refresh_linter(*u);
    UnitLint result = lint_unit(u->unit, documents_, base_, true, u->linter);
    u->fixed.clear();
    for (auto& f : result.findings) {
      if (f.fixed_by) u->fixed.push_back(std::move(f));
    }
    u->fixed_at = edit_count_;
  }
  std::string actions = "[";
  std::map<std::string, std::string> read;  // files not open, read once for this request
  for (const auto& f : u->fixed) {
    const std::uint32_t line = f.line > 0 ? f.line - 1 : 0;
    if (f.file != path || line < first || line > last) continue;
    const FixReplacement& r = *f.fixed_by;
    const std::string_view file_text = shown_text(r.file, read);
    auto column = [&](std::uint32_t line1, std::uint32_t column1) {
      const std::string_view shown = support::text_line(file_text, line1).value_or(std::string_view());
      return utf16_units(shown, column1 > 0 ? column1 - 1 : 0, true);
    };
    const std::string edit = text_edit_json(r.start_line - 1, column(r.start_line, r.start_column), r.end_line - 1,
                                            column(r.end_line, r.end_column), r.inserted);
    actions += (actions.size() > 1 ? "," : "") + std::string(R"({"title":)") +
               quote("chartproof: " + r.description + " [" + f.rule + "]") +
               R"(,"kind":"quickfix","isPreferred":true,"edit":{"changes":{)" + quote(uri_of_path(r.file)) + ":[" +
               edit + "]}}}";
  }
  // "Disable for this object": the rule added to the object's chartproof.io/ignore annotation, in
  // a manifest or in the template that writes the object (not in values: no object lives there).
  const bool template_file = u->unit.chart && path.starts_with(u->unit.root + "/templates/");
  if (!u->unit.chart || template_file) {
    const std::string_view file_text = shown_text(path, read);
    std::set<std::pair<std::uint32_t, std::string>> offered;
    const auto& rules = builtin_rules();
    auto diagnostics = u->diagnostics.find(path);
    for (const auto& d : diagnostics == u->diagnostics.end() ? std::vector<Diagnostic>{} : diagnostics->second) {
      if (d.line < first || d.line > last || !offered.emplace(d.line, d.rule).second) continue;
      if (std::none_of(rules.begin(), rules.end(), [&](const RuleDefinition& r) { return r.meta.id == d.rule; }))
        continue;
      auto edit = ignore_annotation_edit(file_text, d.line + 1, d.rule);
      if (!edit) continue;
      const std::string_view shown = support::text_line(file_text, edit->line).value_or(std::string_view());
      std::string text_edit;
      if (edit->column > 0) {  // bytes replaced on the line, as UTF-16 characters
        text_edit = text_edit_json(edit->line - 1, utf16_units(shown, edit->column - 1, true), edit->line - 1,
                                   utf16_units(shown, edit->column - 1 + edit->length, true), edit->replacement);
      } else {
        const std::uint32_t end = utf16_units(shown, static_cast<std::uint32_t>(shown.size()), true);
        std::string inserted;
        for (const auto& l : edit->insert_after) inserted += "\n" + l;
        text_edit = text_edit_json(edit->line - 1, end, edit->line - 1, end, inserted);
      }
      actions += (actions.size() > 1 ? "," : "") + std::string(R"({"title":)") +
                 quote("chartproof: disable " + d.rule + " for this object (chartproof.io/ignore)") +
                 R"(,"kind":"quickfix","edit":{"changes":{)" + quote(uri_of_path(path)) + ":[" + text_edit + "]}}}";
    }
  }
  // "Add an exemption": the object exempted from the rule in the policy file (README, "Exemptions").
  if (auto policy = exemption_policy_file(u->unit)) {
    std::error_code ec;
    const bool exists = documents_.count(*policy) || fs::exists(*policy, ec);
    const std::string_view policy_text = exists ? shown_text(*policy, read) : std::string_view();
    std::set<std::pair<std::string, std::string>> offered;  // (rule, object)
    auto diagnostics = u->diagnostics.find(path);
    for (const auto& d : diagnostics == u->diagnostics.end() ? std::vector<Diagnostic>{} : diagnostics->second) {
      if (d.line < first || d.line > last || d.resource.kind.empty() || d.rule == "chartproof") continue;
      const std::string object = resource_label(d.resource);
      if ((!exists && !client_creates_files_) || !offered.emplace(d.rule, object).second) continue;
      auto insertion = exemption_insertion(policy_text, d.rule, d.resource);
      if (!insertion) continue;
      const std::string_view shown = support::text_line(policy_text, insertion->line).value_or(std::string_view());
      const std::uint32_t character = utf16_units(shown, insertion->column - 1, true);
      const std::string edit =
          text_edit_json(insertion->line - 1, character, insertion->line - 1, character, insertion->text);
      const std::string uri = quote(uri_of_path(*policy));
      const std::string workspace_edit = exists ? R"({"changes":{)" + uri + ":[" + edit + "]}}"
                                                : R"({"documentChanges":[{"kind":"create","uri":)" + uri +
                                                      R"(,"options":{"ignoreIfExists":true}},{"textDocument":{"uri":)" +
                                                      uri + R"(,"version":null},"edits":[)" + edit + "]}]}";
      actions += (actions.size() > 1 ? "," : "") + std::string(R"({"title":)") +
                 quote("chartproof: add an exemption from " + d.rule + " for " + object + " to " +
                       fs::path(*policy).filename().string()) +
                 R"(,"kind":"quickfix","edit":)" + workspace_edit + "}";
    }
  }
  return actions + "]";
}

std::vector<std::string> LanguageServer::policy_files(const LintUnit& unit) const {
  LintRequest request = base_;
  request.working_dir = working_dir(unit);
  return request_policy_files(request);
}

std::string LanguageServer::linter_stamp(const LintUnit& unit) const {
  std::string stamp = base_.today.empty() ? support::today_utc() : base_.today;
  for (const auto& file : policy_files(unit)) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec);
    stamp += "\n" + file + " " + std::to_string(ec ? 0 : size) + " " +
             std::to_string(ec ? 0 : time.time_since_epoch().count());
  }
  return stamp;
}

void LanguageServer::refresh_linter(Unit& unit) const {
  std::string stamp = linter_stamp(unit.unit);
  if (stamp != unit.linter_stamp) {
    unit.linter.reset();
    unit.linter_stamp = std::move(stamp);
  }
}

std::optional<std::string> LanguageServer::exemption_policy_file(const LintUnit& unit) const {
  std::error_code ec;
  if (auto files = policy_files(unit); !files.empty())
    return fs::absolute(files.back(), ec).lexically_normal().string();
  if (!base_.profile.empty() || !base_.discover_policy) return std::nullopt;
  return (fs::path(working_dir(unit)) / ".chartproof.yaml").string();
}

}  // namespace chartproof::lsp
