#include "model/quantity.hpp"

namespace chartproof {

std::optional<Quantity> quantity_of(Node node) {
  switch (node.type()) {
    case NodeType::String:
    case NodeType::Int:
    case NodeType::Float:
      return parse_quantity(node.text());
    default:
      return std::nullopt;
  }
}

}  // namespace chartproof
