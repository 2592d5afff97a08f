// Field paths that name list items by their merge key (model.hpp, keyed_path).
#include <array>
#include <utility>

#include "model/keyed_path.hpp"

namespace chartproof {
namespace {

// The lists of the core API whose items strategic merge patch identifies by a field
// (x-kubernetes-patch-merge-key in the OpenAPI data), by the list's field name; the first field an
// item has wins (container ports and Service ports are both `ports`).
constexpr std::array<std::pair<std::string_view, std::array<std::string_view, 2>>, 13> kMergeKeys = {{
    {"containers", {"name", ""}},
    {"initContainers", {"name", ""}},
    {"ephemeralContainers", {"name", ""}},
    {"volumes", {"name", ""}},
    {"env", {"name", ""}},
    {"imagePullSecrets", {"name", ""}},
    {"resourceClaims", {"name", ""}},
    {"ports", {"containerPort", "port"}},
    {"volumeMounts", {"mountPath", ""}},
    {"volumeDevices", {"devicePath", ""}},
    {"hostAliases", {"ip", ""}},
    {"topologySpreadConstraints", {"topologyKey", ""}},
    {"readinessGates", {"conditionType", ""}},
}};

std::string item_step(std::string_view list, Node item, std::size_t index) {
  if (item.is_map()) {
    for (const auto& [name, keys] : kMergeKeys) {
      if (name != list) continue;
      for (std::string_view key : keys) {
        if (key.empty()) continue;
        Node value = item.get(key);
        if (value && value.is_scalar() && !value.text().empty())
          return "[" + std::string(key) + "=" + std::string(value.text()) + "]";
      }
    }
  }
  return "[" + std::to_string(index) + "]";
}

// True when `path` has a list index step (`[0]`, not `["key"]`): only those are renamed.
bool has_index_step(std::string_view path) {
  for (std::size_t at = path.find('['); at != std::string_view::npos; at = path.find('[', at + 1)) {
    if (at + 1 < path.size() && path[at + 1] >= '0' && path[at + 1] <= '9') return true;
  }
  return false;
}

}  // namespace

namespace model {

std::string keyed_path(Node root, std::string_view path, MemberIndex& members) {
  // Most finding paths hold no list item (a key of a ConfigMap, a metadata field): nothing to walk.
  if (!has_index_step(path)) return std::string(path);
  std::string out;
  Node at = root;
  std::string_view list;  // the key the current node was reached by
  bool ok = walk_path(path, [&](const PathStep& step) {
    if (step.index) {
      Node item = at.is_seq() && *step.index < at.size() ? at.item(*step.index) : Node();
      out += item_step(list, item, *step.index);
      at = item;
      list = {};
    } else {
      out = append_path_key(std::move(out), step.key);
      at = members.get(at, step.key);
      list = step.key;
    }
    return true;
  });
  return ok ? out : std::string(path);
}

}  // namespace model

std::string keyed_path(Node root, std::string_view path) {
  model::MemberIndex members;
  return model::keyed_path(root, path, members);
}

}  // namespace chartproof
