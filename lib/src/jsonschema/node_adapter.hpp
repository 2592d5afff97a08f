#pragma once
// A valijson adapter over our document tree, so schemas validate YAML as parsed (integers stay
// integers, booleans booleans; valijson's own yaml-cpp adapter sees every scalar as a string) without
// copying it into a JSON document first. With `skip_null_members`, a mapping member whose value is
// null is invisible, as it is to the Kubernetes API server (`creationTimestamp: null` means unset).

#include <cmath>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>
#include <valijson/internal/optional.hpp>

#include <iterator>
#include <string>
#include <utility>

#include "chartproof/node.hpp"
#include "support/utf8.hpp"

namespace chartproof::jsonschema {

/// Text as valijson may read it: valijson's UTF-8 length (minLength, maxLength) indexes past its
/// tables on invalid UTF-8 (found by fuzzing policy files), so invalid sequences become U+FFFD.
inline std::string valid_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = support::utf8_sequence_length(text, i);
    if (n == 0) return support::to_valid_utf8(text);
    i += n;
  }
  return std::string(text);
}

class NodeAdapter;
class NodeArrayIterator;
class NodeMemberIterator;
using NodeMember = std::pair<std::string, NodeAdapter>;

/// A node and whether its mappings hide null-valued members.
struct NodeRef {
  Node node;
  bool skip_null_members = false;
};

class NodeArray {
 public:
  using const_iterator = NodeArrayIterator;
  using iterator = NodeArrayIterator;
  NodeArray() = default;
  explicit NodeArray(NodeRef ref) : ref_(ref) {}
  NodeArrayIterator begin() const;
  NodeArrayIterator end() const;
  size_t size() const { return ref_.node.size(); }

 private:
  NodeRef ref_;
};

class NodeObject {
 public:
  using const_iterator = NodeMemberIterator;
  using iterator = NodeMemberIterator;
  NodeObject() = default;
  explicit NodeObject(NodeRef ref) : ref_(ref) {}
  NodeMemberIterator begin() const;
  NodeMemberIterator end() const;
  NodeMemberIterator find(const std::string& name) const;
  size_t size() const {
    if (!ref_.skip_null_members) return ref_.node.size();
    size_t n = 0;
    for (size_t i = 0; i < ref_.node.size(); ++i) n += ref_.node.value_at(i).is_null() ? 0 : 1;
    return n;
  }

 private:
  NodeRef ref_;
};

class NodeFrozenValue : public valijson::adapters::FrozenValue {
 public:
  explicit NodeFrozenValue(NodeRef ref) : ref_(ref) {}
  FrozenValue* clone() const override { return new NodeFrozenValue(ref_); }
  bool equalTo(const valijson::adapters::Adapter& other, bool strict) const override;

 private:
  NodeRef ref_;  // the tree outlives validation, so a handle is enough
};

class NodeValue {
 public:
  // User-provided (not `= default`): valijson keeps a `const NodeValue` member, which clang only
  // default-initialises when the constructor is user-provided.
  NodeValue() {}  // NOLINT(modernize-use-equals-default)
  explicit NodeValue(NodeRef ref) : ref_(ref) {}

  valijson::adapters::FrozenValue* freeze() const { return new NodeFrozenValue(ref_); }
  opt::optional<NodeArray> getArrayOptional() const {
    if (isArray()) return opt::make_optional(NodeArray(ref_));
    return {};
  }
  bool getArraySize(size_t& result) const {
    if (!isArray()) return false;
    result = ref_.node.size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool()) return false;
    result = ref_.node.as_bool().value_or(false);
    return true;
  }
  bool getDouble(double& result) const {
    if (!isNumber()) return false;
    result = ref_.node.as_double().value_or(0);
    return true;
  }
  bool getInteger(int64_t& result) const {
    if (!isInteger()) return false;
    if (auto i = ref_.node.as_int()) {
      result = *i;
    } else {
      result = static_cast<int64_t>(*ref_.node.as_double());
    }
    return true;
  }
  opt::optional<NodeObject> getObjectOptional() const {
    if (isObject()) return opt::make_optional(NodeObject(ref_));
    return {};
  }
  bool getObjectSize(size_t& result) const {
    if (!isObject()) return false;
    result = NodeObject(ref_).size();
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) return false;
    result = valid_text(ref_.node.text());
    return true;
  }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return ref_.node.is_seq(); }
  bool isBool() const { return ref_.node.is_bool(); }
  bool isDouble() const {
    return (ref_.node.type() == NodeType::Float && !integral_float()) ||
           (ref_.node.type() == NodeType::Int && !ref_.node.as_int());
  }
  bool isInteger() const {
    return (ref_.node.type() == NodeType::Int && ref_.node.as_int().has_value()) || integral_float();
  }
  // `3.0` reaches the API server as JSON 3 (YAML to JSON goes through a float64 that prints without a
  // fraction), and Go decodes that into an int32 field: an integral float is a valid integer.
  bool integral_float() const {
    if (ref_.node.type() != NodeType::Float) return false;
    auto d = ref_.node.as_double();
    return d && std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 9.007199254740992e15;
  }
  bool isNull() const { return !ref_.node || ref_.node.is_null(); }
  bool isNumber() const { return ref_.node.type() == NodeType::Int || ref_.node.type() == NodeType::Float; }
  bool isObject() const { return ref_.node.is_map(); }
  bool isString() const { return ref_.node.is_string(); }

 private:
  NodeRef ref_;
};

class NodeAdapter : public valijson::adapters::BasicAdapter<NodeAdapter, NodeArray, NodeMember, NodeObject, NodeValue> {
 public:
  NodeAdapter() : BasicAdapter() {}
  explicit NodeAdapter(NodeRef ref) : BasicAdapter(NodeValue(ref)) {}
};

class NodeArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeAdapter;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeAdapter*;
  using reference = NodeAdapter&;
  NodeArrayIterator(NodeRef ref, size_t index) : ref_(ref), index_(index) {}
  NodeAdapter operator*() const { return NodeAdapter(NodeRef{ref_.node.item(index_), ref_.skip_null_members}); }
  valijson::adapters::DerefProxy<NodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<NodeAdapter>(**this);
  }
  bool operator==(const NodeArrayIterator& other) const { return index_ == other.index_; }
  bool operator!=(const NodeArrayIterator& other) const { return index_ != other.index_; }
  const NodeArrayIterator& operator++() {
    ++index_;
    return *this;
  }
  NodeArrayIterator operator++(int) {
    NodeArrayIterator before = *this;
    ++index_;
    return before;
  }
  const NodeArrayIterator& operator--() {
    --index_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { index_ = static_cast<size_t>(static_cast<std::ptrdiff_t>(index_) + n); }

 private:
  NodeRef ref_;
  size_t index_;
};

class NodeMemberIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = NodeMember;
  using difference_type = std::ptrdiff_t;
  using pointer = NodeMember*;
  using reference = NodeMember&;
  NodeMemberIterator(NodeRef ref, size_t index) : ref_(ref), index_(index) { skip_forward(); }
  NodeMember operator*() const {
    return NodeMember(valid_text(ref_.node.key_at(index_).text()),
                      NodeAdapter(NodeRef{ref_.node.value_at(index_), ref_.skip_null_members}));
  }
  valijson::adapters::DerefProxy<NodeMember> operator->() const {
    return valijson::adapters::DerefProxy<NodeMember>(**this);
  }
  bool operator==(const NodeMemberIterator& other) const { return index_ == other.index_; }
  bool operator!=(const NodeMemberIterator& other) const { return index_ != other.index_; }
  const NodeMemberIterator& operator++() {
    ++index_;
    skip_forward();
    return *this;
  }
  NodeMemberIterator operator++(int) {
    NodeMemberIterator before = *this;
    ++*this;
    return before;
  }
  const NodeMemberIterator& operator--() {
    do {
      --index_;
    } while (index_ > 0 && hidden(index_));
    return *this;
  }

 private:
  bool hidden(size_t i) const { return ref_.skip_null_members && ref_.node.value_at(i).is_null(); }
  void skip_forward() {
    while (index_ < ref_.node.size() && hidden(index_)) ++index_;
  }
  NodeRef ref_;
  size_t index_;
};

inline NodeArrayIterator NodeArray::begin() const { return NodeArrayIterator(ref_, 0); }
inline NodeArrayIterator NodeArray::end() const { return NodeArrayIterator(ref_, ref_.node.size()); }
inline NodeMemberIterator NodeObject::begin() const { return NodeMemberIterator(ref_, 0); }
inline NodeMemberIterator NodeObject::end() const { return NodeMemberIterator(ref_, ref_.node.size()); }
inline NodeMemberIterator NodeObject::find(const std::string& name) const {
  // valijson asks for every property a schema names, most of them absent (first_key_index compares
  // lengths before text).
  const std::size_t i = ref_.node.first_key_index(name);
  if (i >= ref_.node.size()) return end();
  if (ref_.skip_null_members && ref_.node.value_at(i).is_null()) return end();
  return NodeMemberIterator(ref_, i);
}
inline bool NodeFrozenValue::equalTo(const valijson::adapters::Adapter& other, bool strict) const {
  return NodeAdapter(ref_).equalTo(other, strict);
}

}  // namespace chartproof::jsonschema

namespace valijson::adapters {
template <>
struct AdapterTraits<chartproof::jsonschema::NodeAdapter> {
  using DocumentType = chartproof::Node;
  static std::string adapterName() { return "ChartproofNodeAdapter"; }
};
}  // namespace valijson::adapters
