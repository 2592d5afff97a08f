#pragma once
// Kubernetes resource quantities (`500m`, `1.5Gi`, `1e3`), compared exactly.

#include <optional>
#include <string>
#include <string_view>

namespace chartproof {

/// 128-bit integer (a GCC/Clang extension; `__extension__` keeps -Wpedantic quiet).
__extension__ typedef __int128 Int128;

/// A quantity as a whole number of nano-units (10^-9), which holds every value Kubernetes
/// keeps (it rounds to nano precision) up to far beyond 1Ei.
struct Quantity {
  Int128 nanos = 0;
  auto operator<=>(const Quantity&) const = default;
  /// `1.5Gi` style text for messages (shortest exact decimal or binary form).
  std::string to_string() const;
};

/// Parses Kubernetes quantity syntax: sign, digits, fraction, then a binary (Ki..Ei), decimal
/// (n u m k M G T P E) or exponent (e3, E-2) suffix. Fractions below a nano-unit round up, as
/// Kubernetes does. nullopt when the text is not a quantity or is out of range.
std::optional<Quantity> parse_quantity(std::string_view text);

}  // namespace chartproof
