#pragma once
// The quantities a pod spec and a PVC write, with their paths.

#include <string>
#include <vector>

#include "model/quantity.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// One value under resources.requests/limits of a container.
struct ResourceValue {
  const Container* container;
  std::string section;  ///< requests or limits
  std::string name;     ///< cpu, memory, ephemeral-storage, ...
  Field field;
};

/// Every requests/limits entry of the containers and init containers of a pod.
inline std::vector<ResourceValue> container_resource_values(const PodSpec& pod) {
  std::vector<ResourceValue> out;
  for (const Container& c : pod.containers) {
    for (std::string_view section : {"requests", "limits"}) {
      Node map = c.node.get("resources").get(section);
      for (std::size_t i = 0; i < map.size(); ++i) {
        std::string name(map.key_at(i).text());
        out.push_back(
            ResourceValue{&c, std::string(section), name,
                          Field{map.value_at(i), c.path + ".resources." + std::string(section) + "." + name}});
      }
    }
  }
  return out;
}

}  // namespace chartproof::rules
