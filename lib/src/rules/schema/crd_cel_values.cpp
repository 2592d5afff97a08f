#include "rules/schema/crd_cel_values.hpp"

#include <algorithm>
#include <array>

#include "model/cel_values.hpp"

namespace chartproof::rules {

std::optional<std::string> escape_property_name(std::string_view name) {
  static constexpr std::array<std::string_view, 21> kReserved = {
      "true", "false",  "null", "in",   "as",      "break",     "const",  "continue", "else", "for",  "function",
      "if",   "import", "let",  "loop", "package", "namespace", "return", "var",      "void", "while"};
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return std::nullopt;
  if (std::find(kReserved.begin(), kReserved.end(), name) != kReserved.end()) return "__" + std::string(name) + "__";
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '_' && i + 1 < name.size() && name[i + 1] == '_') {
      out += "__underscores__";
      ++i;
    } else if (c == '.') {
      out += "__dot__";
    } else if (c == '-') {
      out += "__dash__";
    } else if (c == '/') {
      out += "__slash__";
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      out += c;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

cel::Value crd_cel_value(Node value, Node schema) {
  if (!schema.is_map()) return to_cel(value);
  if (value.is_seq()) {
    Node items = schema.get("items");
    cel::List out;
    for (std::size_t i = 0; i < value.size(); ++i) out.push_back(crd_cel_value(value.item(i), items));
    return cel::Value(std::move(out));
  }
  if (!value.is_map()) return to_cel(value);
  Node properties = schema.get("properties");
  Node additional = schema.get("additionalProperties");
  cel::MapEntries out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string_view key = value.key_at(i).text();
    if (Node sub = properties.get(key)) {
      if (auto name = escape_property_name(key))
        out.emplace_back(cel::Value(*name), crd_cel_value(value.value_at(i), sub));
    } else if (additional.is_map()) {  // a map's keys are data, not property names: not escaped
      out.emplace_back(cel::Value(std::string(key)), crd_cel_value(value.value_at(i), additional));
    } else {
      out.emplace_back(cel::Value(std::string(key)), to_cel(value.value_at(i)));
    }
  }
  for (std::size_t i = 0; properties.is_map() && i < properties.size(); ++i) {
    Node sub = properties.value_at(i);
    Node fallback = sub.get("default");
    if (!fallback || value.get(properties.key_at(i).text())) continue;
    if (auto name = escape_property_name(properties.key_at(i).text())) {
      out.emplace_back(cel::Value(*name), crd_cel_value(fallback, sub));
    }
  }
  return cel::Value(std::move(out));
}

}  // namespace chartproof::rules
