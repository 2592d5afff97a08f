#pragma once
// ParamSpec::check functions shared by rules: a value of the right type that cannot work (a pattern
// RE2 rejects, a negative count, a port outside 1-65535) is a located policy error, never a check
// that silently stops firing.

#include <re2/re2.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {

/// Every item of a list parameter must be a valid RE2 pattern.
inline std::optional<std::string> re2_patterns_problem(const ParamValue& value) {
  const auto* list = std::get_if<std::vector<std::string>>(&value);
  if (!list) return std::nullopt;
  for (const auto& pattern : *list) {
    RE2 re(pattern, RE2::Quiet);
    if (!re.ok()) return "pattern \"" + pattern + "\" is not valid RE2: " + re.error();
  }
  return std::nullopt;
}

/// An integer parameter that counts something (seconds, a UID) cannot be negative.
inline std::optional<std::string> non_negative_problem(const ParamValue& value) {
  const auto* n = std::get_if<std::int64_t>(&value);
  if (n && *n < 0) return std::to_string(*n) + " is negative";
  return std::nullopt;
}

/// A TCP/UDP port: 1-65535.
inline std::optional<std::string> port_problem(const ParamValue& value) {
  const auto* n = std::get_if<std::int64_t>(&value);
  if (n && (*n < 1 || *n > 65535)) return std::to_string(*n) + " is not a port (1-65535)";
  return std::nullopt;
}

}  // namespace chartproof::rules
