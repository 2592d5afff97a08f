#pragma once
// Quantities as the model reads them from YAML nodes (the parsing itself: support/quantity.hpp).

#include <optional>

#include "chartproof/node.hpp"
#include "support/quantity.hpp"

namespace chartproof {

/// A quantity written as a YAML node: a string, or a plain integer or float.
std::optional<Quantity> quantity_of(Node node);

}  // namespace chartproof
