// The ignore annotation's edit (ignore_annotation.hpp).
#include "lsp/ignore_annotation.hpp"

#include <string>
#include <vector>

namespace chartproof::lsp {
namespace {

std::size_t indentation(std::string_view line) { return std::min(line.find_first_not_of(' '), line.size()); }

bool blank_or_comment(std::string_view line) {
  const std::size_t at = line.find_first_not_of(' ');
  return at == std::string_view::npos || line[at] == '#';
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<fix::TextEdit> ignore_annotation_edit(std::string_view text, std::uint32_t line, std::string_view rule) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at <= text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  if (line == 0 || line > lines.size()) return std::nullopt;
  // The document around the line: from the `---` before it to the one after.
  std::size_t first = line - 1;
  while (first > 0 && !lines[first - 1].starts_with("---")) --first;
  std::size_t last = line - 1;
  while (last + 1 < lines.size() && !lines[last + 1].starts_with("---")) ++last;
  std::size_t metadata = lines.size();
  for (std::size_t i = first; i <= last; ++i) {
    if (rtrim(lines[i]) == "metadata:") {
      metadata = i;
      break;
    }
  }
  if (metadata == lines.size()) return std::nullopt;
  // metadata's children: their indentation, and an `annotations:` among them.
  std::size_t child_indent = 2;
  std::size_t annotations = lines.size();
  std::size_t i = metadata + 1;
  for (bool first_child = true; i <= last; ++i) {
    if (blank_or_comment(lines[i])) continue;
    if (indentation(lines[i]) == 0) break;
    if (first_child) child_indent = indentation(lines[i]);
    first_child = false;
    if (indentation(lines[i]) == child_indent && lines[i].substr(child_indent).starts_with("annotations:")) {
      annotations = i;
      break;
    }
  }
  const std::string quoted = std::string(rule);
  if (annotations == lines.size()) {
    return fix::TextEdit{static_cast<std::uint32_t>(metadata + 1),
                         0,
                         0,
                         {},
                         {std::string(child_indent, ' ') + "annotations:",
                          std::string(child_indent * 2, ' ') + "chartproof.io/ignore: \"" + quoted + "\""}};
  }
  std::string_view after = lines[annotations].substr(child_indent + 12);
  if (!rtrim(after.substr(0, after.find('#'))).empty()) return std::nullopt;  // flow style, or an action
  std::size_t value_indent = child_indent * 2;
  for (std::size_t k = annotations + 1; k <= last; ++k) {
    if (blank_or_comment(lines[k])) continue;
    if (indentation(lines[k]) <= child_indent) break;
    if (lines[k].find("{{") != std::string_view::npos) return std::nullopt;  // written by the template
    value_indent = indentation(lines[k]);
    std::string_view entry = lines[k].substr(value_indent);
    for (std::string_view key : {"chartproof.io/ignore:", "\"chartproof.io/ignore\":"}) {
      if (!entry.starts_with(key)) continue;
      // Extend the value: `"a"` becomes `"a, rule"`, quotes and a trailing comment as written.
      const std::size_t after_key = value_indent + key.size();
      const std::string_view rest = lines[k].substr(after_key);
      const std::size_t skip = std::min(rest.find_first_not_of(' '), rest.size());
      std::string_view value = rest.substr(skip);
      value = rtrim(value.substr(0, value.find(" #")));
      const bool quoted_value = value.size() >= 2 && (value.front() == '"' || value.front() == '\'');
      const std::string_view inner = quoted_value ? value.substr(1, value.size() - 2) : value;
      std::string replaced = std::string(inner) + (inner.empty() ? "" : ", ") + std::string(rule);
      if (quoted_value || inner.empty())
        replaced = (quoted_value ? value.front() : '"') + replaced + (quoted_value ? value.front() : '"');
      const std::size_t start = after_key + skip;
      if (value.empty()) {
        return fix::TextEdit{
            static_cast<std::uint32_t>(k + 1), static_cast<std::uint32_t>(after_key + 1), 0, " " + replaced, {}};
      }
      return fix::TextEdit{static_cast<std::uint32_t>(k + 1),
                           static_cast<std::uint32_t>(start + 1),
                           static_cast<std::uint32_t>(value.size()),
                           replaced,
                           {}};
    }
  }
  return fix::TextEdit{static_cast<std::uint32_t>(annotations + 1),
                       0,
                       0,
                       {},
                       {std::string(value_indent, ' ') + "chartproof.io/ignore: \"" + quoted + "\""}};
}

}  // namespace chartproof::lsp
