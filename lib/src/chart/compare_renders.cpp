#include "chart/compare_renders.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace chartproof::chart {
namespace {

constexpr std::string_view kSource = "# Source: ";

std::string_view trim_right(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  return line;
}

// Each document's template and normalised text, keyed by (template, index within the template).
struct Documents {
  std::vector<std::string> order;  ///< templates in order of first appearance
  std::map<std::pair<std::string, std::size_t>, std::string> text;
};

Documents split(std::string_view render) {
  Documents out;
  std::map<std::string, std::size_t> seen;
  std::string source, body;
  auto finish = [&] {
    if (body.empty() && source.empty()) return;
    std::size_t index = seen[source]++;
    if (index == 0) out.order.push_back(source);
    out.text[{source, index}] = std::move(body);
    body.clear();
    source.clear();
  };
  std::size_t pos = 0;
  while (pos < render.size()) {
    std::size_t end = render.find('\n', pos);
    if (end == std::string_view::npos) end = render.size();
    std::string_view line = trim_right(render.substr(pos, end - pos));
    pos = end + 1;
    if (line == "---") {
      finish();
      continue;
    }
    if (line.empty()) continue;
    if (source.empty() && body.empty() && line.substr(0, kSource.size()) == kSource) {
      source = std::string(line.substr(kSource.size()));
      continue;
    }
    body.append(line).push_back('\n');
  }
  finish();
  return out;
}

}  // namespace

std::vector<std::string> differing_templates(std::string_view a, std::string_view b) {
  Documents left = split(a);
  Documents right = split(b);
  std::vector<std::string> out;
  auto add = [&](const std::string& name) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  for (const auto& [key, text] : left.text) {
    auto other = right.text.find(key);
    if (other == right.text.end() || other->second != text) add(key.first);
  }
  for (const auto& [key, text] : right.text) {
    if (!left.text.count(key)) add(key.first);
  }
  // Report in the order the first render lists its templates, then the second's.
  std::vector<std::string> ordered;
  for (const auto* docs : {&left, &right}) {
    for (const auto& name : docs->order) {
      if (std::find(out.begin(), out.end(), name) != out.end() &&
          std::find(ordered.begin(), ordered.end(), name) == ordered.end())
        ordered.push_back(name);
    }
  }
  return ordered;
}

std::vector<std::string> without(const std::vector<std::string>& differing, const std::vector<std::string>& unstable) {
  std::vector<std::string> out;
  for (const auto& name : differing) {
    if (std::find(unstable.begin(), unstable.end(), name) == unstable.end()) out.push_back(name);
  }
  return out;
}

}  // namespace chartproof::chart
