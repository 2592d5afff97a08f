// Findings: severities, fingerprints, output order, grouping at an edit location, masking.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <tuple>

#include "chartproof/finding.hpp"
#include "support/utf8.hpp"

namespace chartproof {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "error") return Severity::Error;
  if (text == "warning") return Severity::Warning;
  if (text == "info") return Severity::Info;
  return std::nullopt;
}

// FNV-1a over the parts, each closed by 0xff: a stable, dependency-free hash (not a security
// boundary). The template, not the file: in chart mode a finding moves between the values line and
// the template line as values change, and the template is what stays.
namespace {

std::string fingerprint_of(const Finding& f, const std::string& path) {
  const std::string& anchor = !f.template_name.empty() ? f.template_name : f.has_resource() ? std::string() : f.file;
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::string* part :
       {&f.rule, &f.resource.kind, &f.resource.namespace_, &f.resource.name, &path, &anchor}) {
    for (unsigned char c : *part) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string finding_fingerprint(const Finding& f) {
  return fingerprint_of(f, f.keyed_path.empty() ? f.path : f.keyed_path);
}

std::string finding_fingerprint_v1(const Finding& f) { return fingerprint_of(f, f.path); }

bool finding_less(const Finding& a, const Finding& b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.message) < std::tie(b.file, b.line, b.column, b.rule, b.message);
}

void group_at_edit_locations(std::vector<Finding>& findings) {
  using Key = std::tuple<std::string_view, std::uint32_t, std::uint32_t, std::string_view, std::string_view, Severity>;
  auto key_of = [](const Finding& f) { return Key{f.file, f.line, f.column, f.rule, f.pack, f.severity}; };
  std::vector<Finding> out;
  out.reserve(findings.size());      // never reallocates: the keys view the strings of `out`'s elements
  std::map<Key, std::size_t> first;  // a group's first finding, in `out`
  for (auto& f : findings) {
    if (!f.rendered || !f.has_resource() || f.line == 0) {
      out.push_back(std::move(f));
      continue;
    }
    auto it = first.find(key_of(f));
    if (it != first.end()) {
      out[it->second].more.push_back(std::move(f));
      continue;
    }
    out.push_back(std::move(f));
    first.emplace(key_of(out.back()), out.size() - 1);
  }
  first.clear();
  findings = std::move(out);
}

std::vector<Finding> ungrouped(const std::vector<Finding>& findings) {
  std::vector<Finding> out;
  out.reserve(findings.size());
  for (const auto& f : findings) {
    out.push_back(f);
    out.back().more.clear();
    for (const auto& m : f.more) out.push_back(m);
  }
  return out;
}

std::string mask_secret(std::string_view secret) {
  // Count UTF-8 code points so a multi-byte character is never cut in half.
  std::size_t show = std::min<std::size_t>(4, support::utf8_code_points(secret) / 2);
  std::size_t bytes = 0;
  for (std::size_t shown = 0; bytes < secret.size();) {
    if ((static_cast<unsigned char>(secret[bytes]) & 0xC0) != 0x80) {
      if (shown == show) break;
      ++shown;
    }
    ++bytes;
  }
  std::string out(secret.substr(0, bytes));
  out += "\xE2\x80\xA6";  // …
  return out;
}

std::string value_source_suffix(const Finding& f) {
  // Chart mode places such a finding at the values line already; say it only when it is elsewhere.
  if (!f.value_source || (f.value_source->file == f.file && f.value_source->line == f.line)) return {};
  return " (value from " + f.value_source->file + ":" + std::to_string(f.value_source->line) + ":" +
         std::to_string(f.value_source->column) + ")";
}

std::string resource_label(const ResourceRef& r) {
  return r.kind + " \"" + (r.namespace_.empty() ? "" : r.namespace_ + "/") + r.name + "\"";
}

std::string more_objects_suffix(const Finding& f) {
  if (f.more.empty()) return {};
  constexpr std::size_t kNamed = 8;
  std::vector<std::string> names;
  std::string primary = resource_label(f.resource);
  for (const auto& m : f.more) {
    std::string label = resource_label(m.resource);
    if (label != primary && std::find(names.begin(), names.end(), label) == names.end()) names.push_back(label);
  }
  // Folded findings all about the leading object (two containers of one pod): say where they are.
  if (names.empty()) return " (and " + std::to_string(f.more.size()) + " more in the same object)";
  std::string out = " (and " + std::to_string(f.more.size()) + " more";
  for (std::size_t i = 0; i < names.size() && i < kNamed; ++i) out += (i == 0 ? ": " : ", ") + names[i];
  if (names.size() > kNamed) out += ", … and " + std::to_string(names.size() - kNamed) + " more objects";
  return out + ")";
}

}  // namespace chartproof
