// What a template line reads from values, as `.Values` paths: `.Values.a.b` itself; the dot's
// fields where an enclosing `with .Values.x` set the dot; and fields of a dot that a range over
// values passed to a define, resolved by the object's name. Charts that define every
// service in values.yaml (opentelemetry-demo's `components`) range over a values map or list and
// pass each entry to a define as the dot, which then reads `.resources`, `.securityContext`: no
// `.Values` on the line says where the value came from. The entry is the one under a key (or a
// list item's `name`) that names the object the finding is about (`components.checkout.resources`
// for Deployment "demo-checkout"), when exactly one does.
#include <algorithm>

#include "chart/value_paths.hpp"
#include "chartproof/chart_folder.hpp"

namespace chartproof {
namespace {

// Whether `token` is a whole dash-separated part (or run of parts) of `name`, case aside:
// `checkout` names "demo-checkout", `ad` does not name "demo-loadgenerator".
bool names(std::string_view name, std::string_view token) {
  if (token.size() < 2) return false;
  auto normal = [](std::string_view s) {
    std::string out = "-";
    for (char c : s) {
      out += c == '.' || c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out + "-";
  };
  return normal(name).find(normal(token)) != std::string::npos;
}

struct Walk {
  const std::vector<std::string>& read;  // the dot read's keys
  std::string_view object_name;
  std::vector<std::string_view> keys;  // mapping keys from the values' root
  std::vector<std::string_view> ids;   // what names the entry at each depth: its key, or an item's name
  std::vector<std::vector<std::string>> found;

  // The path at `keys` ends with the read, below an entry that names the object.
  void check() {
    if (keys.size() <= read.size() ||
        !std::equal(read.begin(), read.end(), keys.end() - static_cast<std::ptrdiff_t>(read.size())))
      return;
    const std::string_view id = ids[ids.size() - read.size() - 1];
    if (!names(object_name, id)) return;
    std::vector<std::string> path(keys.begin(), keys.end());
    if (std::find(found.begin(), found.end(), path) == found.end()) found.push_back(std::move(path));
  }

  void visit(Node node, std::size_t depth) {
    if (depth > 64) return;
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        keys.push_back(node.key_at(i).text());
        ids.push_back(node.key_at(i).text());
        check();
        visit(node.value_at(i), depth + 1);
        keys.pop_back();
        ids.pop_back();
      }
    } else if (node.is_seq()) {
      // A list item is named by its `name` (services: [{name: web, …}]): it stands for the item's key.
      for (std::size_t i = 0; i < node.size(); ++i) {
        Node item = node.item(i);
        const std::string_view name = item.is_map() ? item.get_text("name") : std::string_view();
        if (!ids.empty() && !name.empty()) {
          const std::string_view saved = ids.back();
          ids.back() = name;
          visit(item, depth + 1);
          ids.back() = saved;
        } else {
          visit(item, depth + 1);
        }
      }
    }
  }
};

}  // namespace

ChartFolder::Reads ChartFolder::component_reads(const std::vector<std::string>& read, std::string_view template_path,
                                                const Finding& f) const {
  Reads out;
  if (f.resource.name.empty() || read.empty()) return out;
  Walk walk{read, f.resource.name, {}, {}, {}};
  for (const auto& document : values) {
    if (document.tree) walk.visit(document.tree->root(), 0);
  }
  // One path, under the template's own chart: the read's entry. Two: which one is unknown.
  if (walk.found.size() != 1) return out;
  const std::vector<std::string> scope = chart::values_scope(dir, template_path);
  auto& path = walk.found.front();
  if (path.size() < scope.size() || !std::equal(scope.begin(), scope.end(), path.begin())) return out;
  out.emplace_back(path.begin() + static_cast<std::ptrdiff_t>(scope.size()), path.end());
  return out;
}

ChartFolder::Reads ChartFolder::reads(std::uint32_t file, std::uint32_t line, std::string_view template_path,
                                      const Finding& f) const {
  const std::string_view text = source_map.line(file, line);
  Reads out = chart::values_read(text);
  if (text.find("{{") == std::string_view::npos) return out;
  std::optional<std::optional<std::vector<std::string>>> dot;  // the with's path, looked up once
  for (auto& read : chart::dot_reads(text)) {
    if (!dot) dot = chart::with_values_path(source_map.template_lines[file], line);
    if (*dot) {
      std::vector<std::string> path = **dot;
      path.insert(path.end(), read.begin(), read.end());
      out.push_back(std::move(path));
      continue;
    }
    for (auto& resolved : component_reads(read, template_path, f)) out.push_back(std::move(resolved));
  }
  return out;
}

}  // namespace chartproof
