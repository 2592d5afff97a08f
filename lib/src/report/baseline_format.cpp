// Writes a baseline file (--write-baseline FILE): one entry per fingerprint with its count, sorted,
// each on one line, so that a baseline under version control diffs one finding per line.
#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "chartproof/baseline.hpp"
#include "chartproof/report.hpp"
#include "chartproof/version.hpp"
#include "report/json_writer.hpp"

namespace chartproof {
namespace {

void put(rapidjson::Writer<rapidjson::StringBuffer>& w, std::string_view key, std::string_view value) {
  report::write_key(w, key);
  report::write_string(w, value);
}

}  // namespace

std::vector<Finding> baseline_findings(const LintReport& report) {
  std::vector<Finding> all;
  // One entry per object: the baseline matches findings before they are grouped.
  for (const auto* list : {&report.findings, &report.baselined, &report.hidden}) {
    for (Finding& f : ungrouped(*list)) {
      if (f.rule != "stale-baseline-entry") all.push_back(std::move(f));
    }
  }
  return all;
}

std::string format_baseline(const std::vector<Finding>& findings) {
  // Sorted by what a reader looks for (file, rule, resource, path), then by fingerprint.
  using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;
  std::map<Key, std::size_t> counts;
  std::map<std::string, Key> first_of;  // a fingerprint shared by findings in several files is one entry
  for (const auto& f : findings) {
    std::string print = finding_fingerprint(f);
    auto known = first_of.find(print);
    if (known != first_of.end()) {
      ++counts[known->second];
      continue;
    }
    std::string resource = f.resource.kind.empty()
                               ? std::string()
                               : f.resource.kind + " " +
                                     (f.resource.namespace_.empty() ? "" : f.resource.namespace_ + "/") +
                                     f.resource.name;
    Key key{f.file, f.rule, resource, f.path, print};
    first_of.emplace(print, key);
    ++counts[key];
  }
  std::string out =
      "{\n  \"version\": 2,\n  \"generated_by\": \"chartproof " + std::string(version()) + "\",\n  \"findings\": [";
  bool first = true;
  for (const auto& [key, count] : counts) {
    const auto& [file, rule, resource, path, print] = key;
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    put(w, "fingerprint", print);
    put(w, "rule", rule);
    if (!resource.empty()) put(w, "resource", resource);
    if (!path.empty()) put(w, "path", path);
    put(w, "file", file);
    w.Key("count");
    w.Uint64(count);
    w.EndObject();
    out += (first ? "\n    " : ",\n    ") + std::string(buffer.GetString(), buffer.GetSize());
    first = false;
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace chartproof
