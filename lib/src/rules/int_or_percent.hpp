#pragma once
// An intOrString field that counts or takes a percentage (maxSurge, maxUnavailable, a
// PodDisruptionBudget's minAvailable): `3` or `25%`, as the rollout and validation packs read it.
#include <cstdint>
#include <optional>
#include <string_view>

#include "chartproof/node.hpp"

namespace chartproof::rules {

struct IntOrPercent {
  std::int64_t number = 0;  ///< the integer, or the number before '%' (saturating at 10^12)
  bool percent = false;
};

/// `value` as written (`fallback` when absent); nullopt when it is neither an integer nor digits
/// followed by '%'.
inline std::optional<IntOrPercent> read_int_or_percent(Node value, std::string_view fallback = {}) {
  if (value && value.type() == NodeType::Int) {
    auto n = value.as_int();
    if (!n) return std::nullopt;
    return IntOrPercent{*n, false};
  }
  std::string_view text = value ? value.text() : fallback;
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  std::int64_t percent = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    percent = percent > 100'000'000'000 ? 1'000'000'000'000 : percent * 10 + (c - '0');
  }
  return IntOrPercent{percent, true};
}

}  // namespace chartproof::rules
