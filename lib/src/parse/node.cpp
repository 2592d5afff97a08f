#include <charconv>
#include <cmath>
#include <string>

#include "chartproof/node.hpp"
#include "parse/scalar_resolve.hpp"

namespace chartproof {

std::string_view node_type_name(NodeType type) {
  switch (type) {
    case NodeType::Null:
      return "null";
    case NodeType::Bool:
      return "boolean";
    case NodeType::Int:
      return "integer";
    case NodeType::Float:
      return "number";
    case NodeType::String:
      return "string";
    case NodeType::Sequence:
      return "list";
    case NodeType::Mapping:
      return "mapping";
  }
  return "unknown";
}

bool deep_equal(Node a, Node b) {
  if (a.type() != b.type()) return false;
  if (a.is_seq()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!deep_equal(a.item(i), b.item(i))) return false;
    }
    return true;
  }
  if (a.is_map()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      Node other = b.get(a.key_at(i).text());
      if (!other || !deep_equal(a.value_at(i), other)) return false;
    }
    return true;
  }
  return a.text() == b.text();
}

std::size_t Document::memory_bytes() const {
  return slots_.capacity() * sizeof(Slot) + children_.capacity() * sizeof(std::uint32_t) + strings_.capacity();
}

bool Node::quoted() const { return doc_ && (doc_->slot(index_).flags & Document::kQuoted) != 0; }

std::optional<std::int64_t> Node::as_int() const {
  NodeType t = type();
  if (t == NodeType::Float) {
    auto d = as_double();
    if (d && std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9.2e18) return static_cast<std::int64_t>(*d);
    return std::nullopt;
  }
  if (t != NodeType::Int) return std::nullopt;
  auto lit = parse::split_int_literal(text());
  if (!lit) return std::nullopt;
  const std::string& digits = lit->digits;
  const bool negative = lit->negative;
  const int base = lit->base;
  std::uint64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  if (value > static_cast<std::uint64_t>(INT64_MAX) + (negative ? 1U : 0U)) return std::nullopt;
  if (negative)
    return value == static_cast<std::uint64_t>(INT64_MAX) + 1U ? INT64_MIN : -static_cast<std::int64_t>(value);
  return static_cast<std::int64_t>(value);
}

std::optional<bool> Node::as_bool() const {
  if (type() != NodeType::Bool) return std::nullopt;
  char c = text().empty() ? 'n' : text().front();
  if (c == 'o' || c == 'O') return text().size() == 2;  // "on" vs "off"
  return c == 'y' || c == 'Y' || c == 't' || c == 'T';
}

std::optional<double> Node::as_double() const {
  NodeType t = type();
  if (t == NodeType::Int) {
    auto i = as_int();
    return i ? std::optional<double>(static_cast<double>(*i)) : std::nullopt;
  }
  if (t != NodeType::Float) return std::nullopt;
  std::string s(text());
  if (s.find("inf") != std::string::npos || s.find("Inf") != std::string::npos || s.find("INF") != std::string::npos)
    return s.front() == '-' ? -INFINITY : INFINITY;
  if (s.find('.') == 0 && (s == ".nan" || s == ".NaN" || s == ".NAN")) return NAN;
  try {
    return std::stod(s);
  } catch (...) {
    return std::nullopt;
  }
}

std::string_view Node::get_text(std::string_view key) const {
  Node v = get(key);
  return v.is_scalar() ? v.text() : std::string_view();
}

Node Node::at_path(std::string_view path) const {
  Node cur = *this;
  bool well_formed = walk_path(path, [&](const PathStep& step) {
    cur = step.index ? cur.item(*step.index) : cur.get(step.key);
    return static_cast<bool>(cur);
  });
  return well_formed ? cur : Node();
}

}  // namespace chartproof
