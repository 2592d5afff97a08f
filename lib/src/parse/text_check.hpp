#pragma once
// Character-level checks yaml-cpp does not make but Kubernetes' decoder does.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::parse {

/// The first byte that YAML (and go-yaml) rejects: invalid UTF-8, or a control character
/// other than tab, line feed and carriage return. `what` says which.
struct BadCharacter {
  std::size_t offset;
  std::string what;
};
std::optional<BadCharacter> find_bad_character(std::string_view text);

}  // namespace chartproof::parse
