#include "model/cel_values.hpp"

namespace chartproof {

cel::Value to_cel(Node node) {
  switch (node.type()) {
    case NodeType::Null:
      return cel::Value(cel::Null{});
    case NodeType::Bool:
      return cel::Value(node.as_bool().value_or(false));
    case NodeType::Int: {
      if (auto i = node.as_int()) return cel::Value(*i);
      return cel::Value(node.as_double().value_or(0));  // beyond int64: a double, as JSON decoding gives
    }
    case NodeType::Float:
      return cel::Value(node.as_double().value_or(0));
    case NodeType::String:
      return cel::Value(std::string(node.text()));
    case NodeType::Sequence: {
      cel::List out;
      out.reserve(node.size());
      for (std::size_t i = 0; i < node.size(); ++i) out.push_back(to_cel(node.item(i)));
      return cel::Value(std::move(out));
    }
    case NodeType::Mapping: {
      cel::MapEntries out;
      out.reserve(node.size());
      for (std::size_t i = 0; i < node.size(); ++i) {
        out.emplace_back(cel::Value(std::string(node.key_at(i).text())), to_cel(node.value_at(i)));
      }
      return cel::Value(std::move(out));
    }
  }
  return cel::Value(cel::Null{});
}

}  // namespace chartproof
