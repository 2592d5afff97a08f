#include "chart/value_paths.hpp"

#include <cctype>

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

std::vector<std::string> files_read(std::string_view text) {
  std::vector<std::string> out;
  constexpr std::string_view kGet = ".Files.Get";
  for (std::size_t at = text.find(kGet); at != std::string_view::npos; at = text.find(kGet, at + 1)) {
    std::size_t open = text.find_first_not_of(" \t", at + kGet.size());
    if (open == std::string_view::npos || text[open] != '"') continue;
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

std::vector<std::string> values_scope(std::string_view chart_dir, std::string_view path) {
  std::vector<std::string> scope;
  std::string_view rel = path;
  if (rel.size() > chart_dir.size() && rel.starts_with(chart_dir) && rel[chart_dir.size()] == '/') {
    rel.remove_prefix(chart_dir.size() + 1);
  }
  while (rel.starts_with("charts/")) {
    rel.remove_prefix(7);
    const auto slash = rel.find('/');
    if (slash == std::string_view::npos) break;
    scope.emplace_back(rel.substr(0, slash));
    rel.remove_prefix(slash + 1);
  }
  return scope;
}

}  // namespace chartproof::chart
