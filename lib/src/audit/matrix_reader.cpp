// Reads an audit matrix (chartproof audit MATRIX.yaml) with the same parser as every other input,
// checks it against policies/schema/audit.schema.json (located errors), and expands it into tasks:
// each chart the paths and globs name x each environment x each Kubernetes version.
#include <glob.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "chartproof/audit.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/parse.hpp"
#include "chartproof/policy.hpp"
#include "io/read_file.hpp"
#include "jsonschema/json_schema.hpp"
#include "policy/builtin_profiles.hpp"
#include "support/suggest.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

const jsonschema::Schema& matrix_schema() {
  static const jsonschema::Schema schema =
      jsonschema::Schema::compile_embedded(policy::embedded_audit_schema(), "policies/schema/audit.schema.json");
  return schema;
}

// `path` relative to `base` (unless absolute), written without "./" segments.
std::string resolve(const fs::path& base, std::string_view path) {
  fs::path p(path);
  if (p.is_absolute() || base.empty()) return p.lexically_normal().string();
  return (base / p).lexically_normal().string();
}

// The charts a path or glob names, sorted (glob(3) sorts); a plain path is returned as it is.
std::vector<std::string> expand(const std::string& pattern) {
  if (pattern.find_first_of("*?[") == std::string::npos) return {pattern};
  glob_t g{};
  std::vector<std::string> out;
  if (glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    for (std::size_t i = 0; i < g.gl_pathc; ++i) {
      std::string p = g.gl_pathv[i];
      if (is_chart_dir(p) || is_chart_archive(p)) out.push_back(p);
    }
  }
  globfree(&g);
  return out;
}

// The keys the matrix schema allows in the mapping at `parent` (a field path of the matrix): what a
// misspelt key is compared with for "did you mean".
std::vector<std::string> keys_allowed_at(std::string_view parent) {
  rapidjson::Document schema;
  std::string_view text = policy::embedded_audit_schema();
  schema.Parse(text.data(), text.size());
  const rapidjson::Value* at = &schema;
  auto deref = [&](const rapidjson::Value* v) {
    if (v && v->IsObject() && v->HasMember("$ref") && (*v)["$ref"].IsString()) {
      std::string_view ref = (*v)["$ref"].GetString();
      if (ref.rfind("#/definitions/", 0) == 0 && schema.HasMember("definitions")) {
        std::string name(ref.substr(14));
        const auto& defs = schema["definitions"];
        return defs.HasMember(name.c_str()) ? &defs[name.c_str()] : v;
      }
    }
    return v;
  };
  walk_path(parent, [&](const PathStep& step) {
    at = deref(at);
    if (!at || !at->IsObject()) {
      at = nullptr;
      return false;
    }
    if (step.index) {
      at = at->HasMember("items") ? &(*at)["items"] : nullptr;
    } else {
      std::string key(step.key);
      if (at->HasMember("properties") && (*at)["properties"].HasMember(key.c_str()))
        at = &(*at)["properties"][key.c_str()];
      else
        at = at->HasMember("additionalProperties") ? &(*at)["additionalProperties"] : nullptr;
    }
    return at != nullptr;
  });
  at = deref(at);
  std::vector<std::string> out;
  if (at && at->IsObject() && at->HasMember("properties") && (*at)["properties"].IsObject()) {
    for (const auto& m : (*at)["properties"].GetObject())
      out.emplace_back(m.name.GetString(), m.name.GetStringLength());
  }
  return out;
}

std::vector<std::string> versions_of(Node list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; list && i < list.size(); ++i) out.emplace_back(list.item(i).text());
  return out;
}

}  // namespace

std::string_view audit_matrix_schema() { return policy::embedded_audit_schema(); }

Expected<AuditMatrix> parse_audit_matrix(std::string_view text, const std::string& file) {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  for (const auto& issue : issues) return Error{file, issue.line, issue.column, issue.message, ErrorKind::Usage};
  if (!doc || !doc->root().is_map()) {
    return Error{file, 1, 1, "an audit matrix is a mapping with `charts:` (see policies/schema/audit.schema.json)",
                 ErrorKind::Usage};
  }
  Node root = doc->root();
  auto violations = matrix_schema().validate(root);
  if (!violations.empty()) {
    const auto& v = violations.front();
    Node at = v.node ? v.node : root.at_path(v.path);
    if (!at) at = root;
    std::string hint;
    if (v.message.rfind("unknown field \"", 0) == 0) {
      std::string field = v.message.substr(15, v.message.size() - 16);
      std::string parent = v.path.size() > field.size() ? v.path.substr(0, v.path.size() - field.size() - 1) : "";
      hint = support::did_you_mean(field, keys_allowed_at(parent));
    }
    return Error{file, at.line(), at.column(),
                 v.message + hint + (v.path.empty() ? "" : " at " + v.path) + "; see policies/schema/audit.schema.json",
                 ErrorKind::Usage};
  }
  AuditMatrix matrix;
  matrix.file = file;
  const fs::path base = fs::path(file).parent_path();
  matrix.profile = std::string(root.get_text("profile"));
  matrix.release = std::string(root.get_text("release"));
  matrix.namespace_ = std::string(root.get_text("namespace"));
  std::string policy;
  if (Node p = root.get("policy")) {
    policy = resolve(base, p.text());
    std::error_code ec;
    if (!fs::is_regular_file(policy, ec)) {
      return Error{file, p.line(), p.column(), "policy file " + policy + " does not exist", ErrorKind::Usage};
    }
  }
  const std::vector<std::string> top_versions = versions_of(root.get("kubeVersions"));
  std::set<std::string> charts;
  std::set<std::string> ids;
  Node entries = root.get("charts");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    Node entry = entries.item(i);
    Node path = entry.get("path");
    std::vector<std::string> found = expand(resolve(base, path.text()));
    std::error_code ec;
    if (found.empty() || (found.size() == 1 && !is_chart_dir(found[0]) && !is_chart_archive(found[0]))) {
      return Error{file, path.line(), path.column(),
                   "`" + std::string(path.text()) + "` names no chart (a folder with Chart.yaml, or a .tgz)" +
                       (base.empty() ? "" : "; relative to " + base.string()),
                   ErrorKind::Usage};
    }
    std::vector<std::string> versions =
        entry.get("kubeVersions") ? versions_of(entry.get("kubeVersions")) : top_versions;
    if (versions.empty()) versions.emplace_back();
    std::vector<std::pair<std::string, std::vector<Node>>> environments;
    if (Node envs = entry.get("environments")) {
      for (std::size_t e = 0; e < envs.size(); ++e) {
        std::vector<Node> files;
        Node list = envs.value_at(e);
        for (std::size_t f = 0; f < list.size(); ++f) files.push_back(list.item(f));
        environments.emplace_back(std::string(envs.key_at(e).text()), std::move(files));
      }
    } else {
      environments.emplace_back("default", std::vector<Node>{});
    }
    for (const auto& chart : found) {
      charts.insert(chart);
      // Values files are the chart's: relative to its folder (a .tgz's: the folder holding it).
      fs::path chart_base = is_chart_archive(chart) ? fs::path(chart).parent_path() : fs::path(chart);
      for (const auto& [name, files] : environments) {
        for (const auto& version : versions) {
          AuditTask task;
          task.chart = chart;
          task.environment = name;
          for (Node f : files) {
            // Checked now, at its line in the matrix, not when the task runs (or on a worker).
            std::string values = resolve(chart_base, f.text());
            if (!fs::is_regular_file(values, ec)) {
              return Error{file, f.line(), f.column(),
                           "values file " + values + " does not exist (environment " + name + " of " + chart +
                               "; values files are relative to the chart's folder)",
                           ErrorKind::Usage};
            }
            task.values_files.push_back(std::move(values));
          }
          task.kube_version = version;
          task.policy_file = policy;
          // Resolved now, not on the worker: a task must not depend on the folders around a chart.
          if (policy.empty() && matrix.profile.empty()) {
            if (auto discovered = discover_policy(fs::absolute(chart_base, ec))) {
              task.policy_file = fs::path(*discovered).lexically_relative(fs::current_path(ec)).string();
            }
          }
          task.id = chart + "@" + name + "@" + (version.empty() ? "default" : version);
          if (!ids.insert(task.id).second) {
            return Error{file, path.line(), path.column(),
                         "task " + task.id + " is named twice: two entries name the same chart", ErrorKind::Usage};
          }
          matrix.tasks.push_back(std::move(task));
        }
      }
    }
  }
  matrix.charts = charts.size();
  return matrix;
}

Expected<AuditMatrix> load_audit_matrix(const std::string& path) {
  auto text = io::read_file(path);
  if (!text) return Error{path, 0, 0, "cannot read the audit matrix: " + text.error().message, ErrorKind::Usage};
  return parse_audit_matrix(text.value(), path);
}

}  // namespace chartproof
