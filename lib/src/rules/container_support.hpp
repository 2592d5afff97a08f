#pragma once
// Helpers over a container's own securityContext (fields the pod-level context does not have).

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// The container's securityContext.<field>, with its path (absent node when unset).
inline Field container_security_field(const Container& c, std::string_view field) {
  return Field{c.node.get("securityContext").get(field), c.path + ".securityContext." + std::string(field)};
}

/// A capability name as Kubernetes compares it: upper case, without the `CAP_` prefix.
inline std::string normalize_capability(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::toupper(ch); });
  if (out.rfind("CAP_", 0) == 0) out.erase(0, 4);
  return out;
}

/// Capabilities the container adds, with their nodes.
inline std::vector<std::pair<std::string, Field>> added_capabilities(const Container& c) {
  std::vector<std::pair<std::string, Field>> out;
  Node add = c.node.get("securityContext").get("capabilities").get("add");
  for (std::size_t i = 0; i < add.size(); ++i) {
    out.emplace_back(normalize_capability(add.item(i).text()),
                     Field{add.item(i), c.path + ".securityContext.capabilities.add[" + std::to_string(i) + "]"});
  }
  return out;
}

/// The closest existing node on the way to securityContext.<field>, for a missing field.
inline Field security_field_or_closest(const Container& c, std::string_view field) {
  return field_or_closest(c, "securityContext", field);
}

}  // namespace chartproof::rules
