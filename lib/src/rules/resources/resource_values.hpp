#pragma once
// The quantities a pod spec and a PVC write, with their paths.

#include <optional>
#include <string>
#include <vector>

#include "model/quantity.hpp"
#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// Why a quantity parameter is unusable (a bound, or the value a fix writes), where a policy sets
/// one that does not parse: the check it configures would silently never fire.
inline std::optional<std::string> quantity_param_problem(const ParamValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  if (!text || text->empty() || parse_quantity(*text)) return std::nullopt;
  return "\"" + *text +
         "\" is not a Kubernetes quantity: a number with an optional suffix, e.g. 250m or 2 (CPU), 512Mi or 1Gi "
         "(memory; binary Ki Mi Gi Ti, decimal k M G T; not MB or GB)";
}

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
