#include "kubeschema/schema_reach.hpp"

#include <string_view>
#include <vector>

namespace chartproof::kubeschema {

void SchemaReach::add(Node object) {
  // Iterative over (node, reach) pairs: an object may nest as deep as the parser allows.
  std::vector<std::pair<Node, SchemaReach*>> stack{{object, this}};
  while (!stack.empty()) {
    auto [node, reach] = stack.back();
    stack.pop_back();
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        Node key = node.key_at(i);
        if (!key.is_scalar() && !key.is_null()) continue;
        auto it = reach->keys_.find(key.text());
        if (it == reach->keys_.end()) it = reach->keys_.emplace(std::string(key.text()), SchemaReach()).first;
        stack.emplace_back(node.value_at(i), &it->second);
      }
    } else if (node.is_seq()) {
      if (!reach->items_) reach->items_ = std::make_unique<SchemaReach>();
      for (std::size_t i = 0; i < node.size(); ++i) stack.emplace_back(node.item(i), reach->items_.get());
    }
  }
}

void SchemaReach::prune(rapidjson::Value& schema) const {
  if (!schema.IsObject()) return;
  static const SchemaReach nothing;
  for (auto& m : schema.GetObject()) {
    std::string_view keyword(m.name.GetString(), m.name.GetStringLength());
    rapidjson::Value& value = m.value;
    if (keyword == "properties" && value.IsObject()) {
      for (auto& property : value.GetObject()) {
        auto it = keys_.find(std::string_view(property.name.GetString(), property.name.GetStringLength()));
        if (it == keys_.end()) {
          property.value.SetObject();  // no object has it: nothing under it is ever checked
        } else {
          it->second.prune(property.value);
        }
      }
    } else if (keyword == "items") {
      const SchemaReach& items = items_ ? *items_ : nothing;
      if (value.IsArray()) {
        for (auto& item : value.GetArray()) items.prune(item);
      } else {
        items.prune(value);
      }
    } else if ((keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") && value.IsArray()) {
      for (auto& branch : value.GetArray()) prune(branch);
    } else if (keyword == "not") {
      prune(value);
    }
  }
}

}  // namespace chartproof::kubeschema
