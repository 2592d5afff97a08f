// SARIF 2.1.0 (validated against the OASIS schema in the tests), shaped for GitHub code scanning.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "chartproof/report.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"

namespace chartproof {
namespace {

constexpr const char* kRulesDocs = "https://github.com/chartproof/chartproof/blob/main/docs/rules.md#";

std::string_view sarif_level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

// Percent-encodes what a URI path may not contain.
std::string uri_path(const std::filesystem::path& p) {
  std::string out;
  for (unsigned char c : p.generic_string()) {
    if (std::isalnum(c) || std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A file as SARIF wants it: relative to SRCROOT when it lies below it (GitHub maps those onto the
// repository), else an absolute file URI without a base.
std::pair<std::string, bool> artifact_uri(const std::string& file, const std::filesystem::path& base) {
  std::filesystem::path p(file);
  if (file == "<stdin>") return {"stdin", true};
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(p, ec).lexically_normal();
  std::filesystem::path rel = absolute.lexically_relative(base);
  if (!rel.empty() && rel.native().rfind("..", 0) != 0) return {uri_path(rel), true};
  return {"file://" + uri_path(absolute), false};
}

// The object a finding is about, as SARIF's logical location (namespace/Kind/name:path), unless
// `written` has it already (SARIF's logicalLocations are unique items; two containers of one pod
// may share the pod-level field a grouped finding points at).
void write_logical_location(report::JsonWriter& w, const Finding& f, std::vector<std::string>& written) {
  std::string fqn =
      (f.resource.namespace_.empty() ? "" : f.resource.namespace_ + "/") + f.resource.kind + "/" + f.resource.name;
  fqn += f.path.empty() ? "" : ":" + f.path;
  if (std::find(written.begin(), written.end(), fqn) != written.end()) return;
  written.push_back(fqn);
  w.StartObject();
  write_key(w, "name");
  write_string(w, f.resource.name);
  write_key(w, "fullyQualifiedName");
  write_string(w, fqn);
  write_key(w, "kind");
  write_string(w, "resource");
  w.EndObject();
}

// `"artifactLocation": {"uri": …, "uriBaseId": "SRCROOT"}` (the base only for a relative URI).
void write_artifact_location(report::JsonWriter& w, const std::string& file, const std::filesystem::path& base) {
  using namespace report;
  write_key(w, "artifactLocation");
  w.StartObject();
  auto [uri, relative] = artifact_uri(file, base);
  write_key(w, "uri");
  write_string(w, uri);
  if (relative) {
    write_key(w, "uriBaseId");
    write_string(w, "SRCROOT");
  }
  w.EndObject();
}

void write_physical_location(report::JsonWriter& w, const SourcePosition& at, const std::filesystem::path& base) {
  using namespace report;
  write_key(w, "physicalLocation");
  w.StartObject();
  write_artifact_location(w, at.file, base);
  write_key(w, "region");
  w.StartObject();
  write_key(w, "startLine");
  w.Uint(std::max(1U, at.line));
  write_key(w, "startColumn");
  w.Uint(std::max(1U, at.column));
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string format_sarif(const LintReport& report, const std::string& base_dir) {
  using namespace report;
  std::ostringstream out;
  report::BufferedOStream stream(out);
  JsonWriter w(stream);
  w.SetIndent(' ', 2);
  std::filesystem::path base = std::filesystem::absolute(base_dir.empty() ? "." : base_dir).lexically_normal();
  std::string base_uri = "file://" + uri_path(base);
  if (base_uri.back() != '/') base_uri += '/';
  std::map<std::string, std::size_t> rule_index;
  for (std::size_t i = 0; i < report.rules.size(); ++i) rule_index[report.rules[i].meta.id] = i;

  w.StartObject();
  write_key(w, "$schema");
  write_string(w, "https://json.schemastore.org/sarif-2.1.0.json");
  write_key(w, "version");
  write_string(w, "2.1.0");
  write_key(w, "runs");
  w.StartArray();
  w.StartObject();
  write_key(w, "tool");
  w.StartObject();
  write_key(w, "driver");
  w.StartObject();
  write_key(w, "name");
  write_string(w, "chartproof");
  write_key(w, "version");
  write_string(w, version());
  write_key(w, "informationUri");
  write_string(w, "https://github.com/chartproof/chartproof");
  write_key(w, "rules");
  w.StartArray();
  for (const auto& run : report.rules) {
    const RuleMeta& m = run.meta;
    w.StartObject();
    write_key(w, "id");
    write_string(w, m.id);
    write_key(w, "shortDescription");
    w.StartObject();
    write_key(w, "text");
    write_string(w, m.summary);
    w.EndObject();
    write_key(w, "fullDescription");
    w.StartObject();
    write_key(w, "text");
    write_string(w, m.rationale);
    w.EndObject();
    write_key(w, "help");
    w.StartObject();
    write_key(w, "text");
    write_string(w, m.rationale + "\n\nFix: " + m.remediation);
    write_key(w, "markdown");
    write_string(w, "**" + m.summary + "**\n\n" + m.rationale + "\n\n**Fix:** " + m.remediation);
    w.EndObject();
    write_key(w, "helpUri");
    write_string(w, kRulesDocs + m.id);
    write_key(w, "defaultConfiguration");
    w.StartObject();
    write_key(w, "level");
    write_string(w, sarif_level(run.severity));
    w.EndObject();
    write_key(w, "properties");
    w.StartObject();
    write_key(w, "tags");
    w.StartArray();
    write_string(w, m.pack);
    write_string(w, "kubernetes");
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();  // driver
  w.EndObject();  // tool
  write_key(w, "originalUriBaseIds");
  w.StartObject();
  write_key(w, "SRCROOT");
  w.StartObject();
  write_key(w, "uri");
  write_string(w, base_uri);
  w.EndObject();
  w.EndObject();
  write_key(w, "results");
  w.StartArray();
  for (const auto& f : report.findings) {
    w.StartObject();
    write_key(w, "ruleId");
    write_string(w, f.rule);
    if (auto it = rule_index.find(f.rule); it != rule_index.end()) {
      write_key(w, "ruleIndex");
      w.Uint64(it->second);
    }
    write_key(w, "level");
    write_string(w, sarif_level(f.severity));
    write_key(w, "message");
    w.StartObject();
    write_key(w, "text");
    write_string(w, f.message + more_objects_suffix(f));
    w.EndObject();
    write_key(w, "locations");
    w.StartArray();
    w.StartObject();
    write_physical_location(w, SourcePosition{f.file, f.line, f.column}, base);
    if (f.has_resource()) {
      // A grouped finding (one fix, several objects): every object is a logical location.
      write_key(w, "logicalLocations");
      w.StartArray();
      std::vector<std::string> written;
      write_logical_location(w, f, written);
      for (const auto& m : f.more) write_logical_location(w, m, written);
      w.EndArray();
    }
    w.EndObject();
    w.EndArray();  // locations
    // Chart mode: the other places a person may look at, each a file that exists, and the render
    // position as text only (helm's output is not a file of the repository).
    std::vector<std::pair<const SourcePosition*, std::string>> related;
    auto differs = [&](const std::optional<SourcePosition>& at) {
      return at && (at->file != f.file || at->line != f.line);
    };
    if (differs(f.value_source)) related.emplace_back(&*f.value_source, "the value comes from this values file");
    if (differs(f.template_line)) related.emplace_back(&*f.template_line, "the template line that writes it");
    if (f.include_site) related.emplace_back(&*f.include_site, "the include that calls the named template");
    if (!related.empty() || f.rendered) {
      write_key(w, "relatedLocations");
      w.StartArray();
      unsigned id = 0;
      for (const auto& [at, text] : related) {
        w.StartObject();
        write_key(w, "id");
        w.Uint(id++);
        write_physical_location(w, *at, base);
        write_key(w, "message");
        w.StartObject();
        write_key(w, "text");
        write_string(w, text);
        w.EndObject();
        w.EndObject();
      }
      if (f.rendered) {
        w.StartObject();
        write_key(w, "id");
        w.Uint(id++);
        write_key(w, "message");
        w.StartObject();
        write_key(w, "text");
        write_string(w, "rendered at line " + std::to_string(f.rendered->line) + ", column " +
                            std::to_string(f.rendered->column) + " of `" + f.rendered->file + "`");
        w.EndObject();
        w.EndObject();
      }
      w.EndArray();
    }
    if (f.fixed_by) {
      // chartproof fix's verified edit: one artifact change, one replacement.
      const FixReplacement& r = *f.fixed_by;
      write_key(w, "fixes");
      w.StartArray();
      w.StartObject();
      write_key(w, "description");
      w.StartObject();
      write_key(w, "text");
      write_string(w, r.description);
      w.EndObject();
      write_key(w, "artifactChanges");
      w.StartArray();
      w.StartObject();
      write_artifact_location(w, r.file, base);
      write_key(w, "replacements");
      w.StartArray();
      w.StartObject();
      write_key(w, "deletedRegion");
      w.StartObject();
      write_key(w, "startLine");
      w.Uint(r.start_line);
      write_key(w, "startColumn");
      w.Uint(r.start_column);
      write_key(w, "endLine");
      w.Uint(r.end_line);
      write_key(w, "endColumn");
      w.Uint(r.end_column);
      w.EndObject();
      write_key(w, "insertedContent");
      w.StartObject();
      write_key(w, "text");
      write_string(w, r.inserted);
      w.EndObject();
      w.EndObject();
      w.EndArray();  // replacements
      w.EndObject();
      w.EndArray();  // artifactChanges
      w.EndObject();
      w.EndArray();  // fixes
    }
    write_key(w, "partialFingerprints");
    w.StartObject();
    write_key(w, "chartproof/v3");  // v3: list items by merge key; v2: the template, not the file
    write_string(w, finding_fingerprint(f));
    w.EndObject();
    if (!f.template_name.empty()) {
      write_key(w, "properties");
      w.StartObject();
      write_key(w, "template");
      write_string(w, f.template_name);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();  // run
  w.EndArray();
  w.EndObject();
  out << '\n';
  return std::move(out).str();
}

}  // namespace chartproof
