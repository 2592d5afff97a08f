#include "chart/value_paths.hpp"

#include <fnmatch.h>
#include <algorithm>
#include <cctype>
#include <limits>

#include "chartproof/node.hpp"

namespace chartproof::chart {

std::vector<std::string_view> path_keys(std::string_view path) {
  std::vector<std::string_view> keys;
  bool well_formed = walk_path(path, [&](const PathStep& step) {
    if (!step.index) keys.push_back(step.key);
    return true;
  });
  if (!well_formed) keys.clear();
  return keys;
}

std::size_t common_tail(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  std::size_t tail = 0;
  while (tail < a.size() && tail < b.size() && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  return tail;
}

std::vector<std::vector<std::string>> values_read(std::string_view line) {
  std::vector<std::vector<std::string>> out;
  constexpr std::string_view kValues = ".Values";
  for (std::size_t at = line.find(kValues); at != std::string_view::npos; at = line.find(kValues, at + 1)) {
    // `.Values` must stand alone: not the tail of `$foo.Values` (another variable's field), unless `$`.
    if (at > 0) {
      const char before = line[at - 1];
      const bool ident = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                         (before >= '0' && before <= '9') || before == '_';
      if (ident) continue;
    }
    std::size_t i = at + kValues.size();
    if (i < line.size() && ((line[i] >= 'a' && line[i] <= 'z') || (line[i] >= 'A' && line[i] <= 'Z'))) continue;
    std::vector<std::string> keys;
    while (i < line.size() && line[i] == '.') {
      std::size_t end = i + 1;
      while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) || line[end] == '_')) {
        ++end;
      }
      if (end == i + 1) break;
      keys.emplace_back(line.substr(i + 1, end - i - 1));
      i = end;
    }
    out.push_back(std::move(keys));
  }
  return out;
}

std::vector<std::vector<std::string>> dot_reads(std::string_view line) {
  std::vector<std::vector<std::string>> out;
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t open = line.find("{{"); open != std::string_view::npos; open = line.find("{{", open + 2)) {
    const std::size_t close = std::min(line.find("}}", open + 2), line.size());
    const std::string_view action = line.substr(open + 2, close - open - 2);
    for (std::size_t i = 0; i < action.size(); ++i) {
      if (action[i] != '.') continue;
      if (i > 0) {
        // The dot itself (after a blank, `(`, `|`), or a variable's field: `$config.x`, not `$.x`.
        std::size_t start = i;
        while (start > 0 && ident(action[start - 1])) --start;
        const bool variable = start > 0 && action[start - 1] == '$' && start < i;
        if (!variable && (start < i || action[i - 1] == ')' || action[i - 1] == '$' || action[i - 1] == '.' ||
                          action[i - 1] == '"')) {
          continue;
        }
      }
      std::vector<std::string> keys;
      std::size_t at = i;
      while (at < action.size() && action[at] == '.') {
        std::size_t end = at + 1;
        while (end < action.size() && ident(action[end])) ++end;
        if (end == at + 1) break;
        keys.emplace_back(action.substr(at + 1, end - at - 1));
        at = end;
      }
      i = at;
      if (keys.empty()) {
        // The dot alone (`toYaml .`): the empty path.
        if (at + 1 >= action.size() || !ident(action[at + 1])) out.emplace_back();
        continue;
      }
      static constexpr std::string_view kHelmObjects[] = {"Values",       "Release",  "Chart",
                                                          "Capabilities", "Template", "Files"};
      if (std::find(std::begin(kHelmObjects), std::end(kHelmObjects), keys.front()) != std::end(kHelmObjects)) {
        continue;
      }
      out.push_back(std::move(keys));
    }
    open = close;
  }
  return out;
}

namespace {

// The actions of a line that open or close a block, as (word, body): `with`, `range`, `if`,
// `define`, `block`, `end`.
std::vector<std::pair<std::string_view, std::string_view>> block_actions(std::string_view line) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (std::size_t open = line.find("{{"); open != std::string_view::npos; open = line.find("{{", open + 2)) {
    std::size_t close = line.find("}}", open + 2);
    if (close == std::string_view::npos) close = line.size();
    std::string_view body = line.substr(open + 2, close - open - 2);
    if (!body.empty() && body.front() == '-') body.remove_prefix(1);
    body.remove_prefix(std::min(body.size(), body.find_first_not_of(" \t")));
    std::size_t end = 0;
    while (end < body.size() && std::isalpha(static_cast<unsigned char>(body[end]))) ++end;
    const std::string_view word = body.substr(0, end);
    if (word == "with" || word == "range" || word == "if" || word == "define" || word == "block" || word == "end") {
      out.emplace_back(word, body.substr(end));
    }
    open = close;
  }
  return out;
}

}  // namespace

namespace {

// with_values_path from line index `n`, of whose block actions only the first `limit` count (those
// before the action asking).
std::optional<std::vector<std::string>> dot_path_before(const std::vector<std::string_view>& lines, std::size_t n,
                                                        std::size_t limit) {
  int depth = 0;  // blocks closed between here and the asking line
  for (std::size_t at = n + 1; at-- > 0;) {
    auto actions = block_actions(lines[at]);
    if (at == n) actions.resize(std::min(actions.size(), limit));
    for (std::size_t a = actions.size(); a-- > 0;) {
      const auto& [word, expression] = actions[a];
      if (word == "end") {
        ++depth;
        continue;
      }
      if (depth > 0) {
        --depth;
        continue;
      }
      if (word == "if") continue;  // leaves the dot alone
      if (word != "with") return std::nullopt;
      auto reads = values_read(expression);
      if (reads.size() == 1 && !reads.front().empty()) return reads.front();
      if (!reads.empty()) return std::nullopt;
      auto fields = dot_reads("{{" + std::string(expression) + "}}");
      if (fields.size() != 1) return std::nullopt;
      auto parent = dot_path_before(lines, at, a);  // the dot the `with` itself reads
      if (!parent) return std::nullopt;
      parent->insert(parent->end(), fields.front().begin(), fields.front().end());
      return parent;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<std::string>> with_values_path(const std::vector<std::string_view>& lines,
                                                         std::uint32_t line) {
  if (line == 0 || line > lines.size()) return std::nullopt;
  // On the line itself, its own opens count (`{{- with .Values.x }}{{ toYaml . }}`).
  return dot_path_before(lines, line - 1, std::numeric_limits<std::size_t>::max());
}

namespace {

// The literal string arguments of `call` (`.Files.Get`, `.Files.Glob`) in `text`, as safe relative
// paths; `computed` tells whether some call's argument is not a literal.
std::vector<std::string> literal_arguments(std::string_view text, std::string_view call, bool* computed = nullptr) {
  std::vector<std::string> out;
  const std::string_view kGet = call;
  for (std::size_t at = text.find(kGet); at != std::string_view::npos; at = text.find(kGet, at + 1)) {
    std::size_t open = text.find_first_not_of(" \t", at + kGet.size());
    if (open == std::string_view::npos || text[open] != '"') {
      if (computed && open != std::string_view::npos && (text[open] == '$' || text[open] == '(' || text[open] == '.')) {
        *computed = true;
      }
      continue;
    }
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) continue;
    std::string path(text.substr(open + 1, close - open - 1));
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos ||
        path.find('\\') != std::string::npos) {
      continue;
    }
    out.push_back(std::move(path));
  }
  return out;
}

}  // namespace

std::vector<std::string> files_read(std::string_view text) { return literal_arguments(text, ".Files.Get"); }

std::vector<std::string> files_globbed(std::string_view text) { return literal_arguments(text, ".Files.Glob"); }

bool reads_computed_file(std::string_view text) {
  bool computed = false;
  literal_arguments(text, ".Files.Get", &computed);
  return computed;
}

bool glob_matches(const std::string& pattern, const std::string& path) {
  // fnmatch(3) with FNM_PATHNAME keeps `*` within a part; `**` crosses parts, so without it.
  const int flags = pattern.find("**") == std::string::npos ? FNM_PATHNAME : 0;
  return fnmatch(pattern.c_str(), path.c_str(), flags) == 0;
}

std::vector<std::string> values_scope(std::string_view chart_dir, std::string_view path) {
  std::vector<std::string> scope;
  std::string_view rel = path;
  if (rel.size() > chart_dir.size() && rel.starts_with(chart_dir) && rel[chart_dir.size()] == '/') {
    rel.remove_prefix(chart_dir.size() + 1);
  }
  while (rel.starts_with("charts/")) {
    rel.remove_prefix(7);
    auto slash = rel.find('/');
    if (slash == std::string_view::npos) break;
    // A packaged subchart, named as packaged charts are (charts/x-1.0.0.tgz!/x/…): the key is its
    // chart's folder inside the archive.
    if (rel.substr(0, slash).ends_with("!")) {
      rel.remove_prefix(slash + 1);
      slash = rel.find('/');
      if (slash == std::string_view::npos) break;
    }
    scope.emplace_back(rel.substr(0, slash));
    rel.remove_prefix(slash + 1);
  }
  return scope;
}

}  // namespace chartproof::chart
