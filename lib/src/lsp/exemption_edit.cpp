#include "lsp/exemption_edit.hpp"

#include <vector>

namespace chartproof::lsp {
namespace {

// A name matched as the whole string by an RE2 pattern (scopes' names and namespaces), single-quoted.
std::string exact_pattern(std::string_view name) {
  std::string out = "'";
  for (char c : name) {
    if (std::string_view(".[]{}()*+?^$|\\").find(c) != std::string_view::npos) out += '\\';
    out += c;
    if (c == '\'') out += '\'';  // YAML's single-quoted escape
  }
  return out + "'";
}

// The entry's lines, each starting with `indent` (the sequence's own).
std::string entry(std::string_view indent, std::string_view rule, const ResourceRef& r) {
  std::string scope = "{kinds: [" + r.kind + "]";
  if (!r.name.empty()) scope += ", names: [" + exact_pattern(r.name) + "]";
  if (!r.namespace_.empty()) scope += ", namespaces: [" + exact_pattern(r.namespace_) + "]";
  scope += "}";
  const std::string pad(indent);
  return pad + "- rules: [" + std::string(rule) + "]\n" + pad + "  scope: " + scope + "\n" + pad +
         "  reason: 'TODO: why this finding is accepted (added from the editor)'\n";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool blank_or_comment(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::optional<Insertion> exemption_insertion(std::string_view policy_text, std::string_view rule,
                                             const ResourceRef& resource) {
  if (policy_text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Insertion{1, 1,
                     "apiVersion: chartproof.io/v1\nkind: Policy\nextends: [recommended]\nexemptions:\n" +
                         entry("  ", rule, resource)};
  }
  const std::vector<std::string_view> lines = split_lines(policy_text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (line == "---" || line.starts_with("--- ")) break;  // the policy is the first document
    if (!line.starts_with("exemptions:")) continue;
    std::string_view rest = line.substr(std::string_view("exemptions:").size());
    if (!blank_or_comment(rest)) return std::nullopt;  // flow style, or a value on the key's line
    // The block below the key: indented lines, and `- ` items at the key's own column.
    std::size_t last = i;
    std::string indent = "  ";
    bool seen_item = false;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view l = lines[j];
      if (blank_or_comment(l)) continue;
      if (l.front() != ' ' && l.front() != '-') break;
      if (l.front() == '-' && (l == "---" || l.starts_with("--- "))) break;
      if (!seen_item) {
        std::size_t dash = l.find_first_not_of(' ');
        if (l[dash] == '-') {
          indent.assign(dash, ' ');
          seen_item = true;
        }
      }
      last = j;
    }
    const std::uint32_t after = static_cast<std::uint32_t>(last + 1);  // 1-based line of the block's end
    if (after < lines.size() || policy_text.ends_with('\n')) {
      return Insertion{after + 1, 1, entry(indent, rule, resource)};
    }
    // The block ends the file without a newline: the entry goes after the end of its last line.
    return Insertion{after, static_cast<std::uint32_t>(lines[last].size() + 1), "\n" + entry(indent, rule, resource)};
  }
  // No `exemptions:` yet: the key and the entry at the end of the file.
  const std::string block = "exemptions:\n" + entry("  ", rule, resource);
  if (policy_text.ends_with('\n')) return Insertion{static_cast<std::uint32_t>(lines.size() + 1), 1, block};
  return Insertion{static_cast<std::uint32_t>(lines.size()), static_cast<std::uint32_t>(lines.back().size() + 1),
                   "\n" + block};
}

}  // namespace chartproof::lsp
