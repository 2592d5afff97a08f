#pragma once
/// \file
/// The parsed YAML tree: an immutable arena of nodes that keep their source position.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chartproof {

/// What a node resolved to, following Kubernetes' YAML decoder (go-yaml v2, YAML 1.1 rules).
enum class NodeType : std::uint8_t { Null, Bool, Int, Float, String, Sequence, Mapping };

/// Structural equality: same types and texts; mappings compare as sets of entries.
bool deep_equal(class Node a, class Node b);

/// Name of a node type as users read it ("string", "mapping", ...).
std::string_view node_type_name(NodeType type);

class Document;

/// A cheap handle to one node of a Document; an empty handle stands for "absent".
class Node {
 public:
  Node() = default;
  Node(const Document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

  /// True when the handle points at a node.
  explicit operator bool() const { return doc_ != nullptr; }
  /// The resolved type; Null for an absent handle.
  NodeType type() const;
  bool is_map() const { return type() == NodeType::Mapping; }
  bool is_seq() const { return type() == NodeType::Sequence; }
  bool is_null() const { return type() == NodeType::Null; }
  /// True for Bool, Int, Float, String (not Null).
  bool is_scalar() const;
  bool is_string() const { return type() == NodeType::String; }
  bool is_bool() const { return type() == NodeType::Bool; }
  /// The scalar's text as written (after YAML unescaping); empty for containers.
  std::string_view text() const;
  /// True when the scalar was quoted or a block scalar (so it is always a string).
  bool quoted() const;
  /// The integer value of an Int node (or of a Float with no fraction).
  std::optional<std::int64_t> as_int() const;
  /// The value of a Bool node.
  std::optional<bool> as_bool() const;
  /// The value of an Int or Float node.
  std::optional<double> as_double() const;

  /// Items of a sequence, or entries of a mapping.
  std::size_t size() const;
  /// The i-th item of a sequence.
  Node item(std::size_t i) const;
  /// The key of the i-th entry of a mapping.
  Node key_at(std::size_t i) const;
  /// The value of the i-th entry of a mapping.
  Node value_at(std::size_t i) const;
  /// The value under a scalar key; when a key repeats the last one wins, as in the API server.
  Node get(std::string_view key) const;
  /// The key node under which `get(key)` finds its value (to report at a key).
  Node key_node(std::string_view key) const;
  /// Follows a field path such as `spec.template.spec.containers[0].image`.
  Node at_path(std::string_view path) const;
  /// The text of a string-like scalar under `key`, or empty.
  std::string_view get_text(std::string_view key) const;
  /// The entry index of the first scalar key `key` of a mapping, or size() when there is none: for
  /// readers that want every key in order (a schema validator), where get() takes the last.
  std::size_t first_key_index(std::string_view key) const;

  /// 1-based line and column of the node in its file.
  std::uint32_t line() const;
  std::uint32_t column() const;

  const Document* document() const { return doc_; }
  std::uint32_t index() const { return index_; }
  bool operator==(const Node& other) const { return doc_ == other.doc_ && index_ == other.index_; }

 private:
  const Document* doc_ = nullptr;
  std::uint32_t index_ = 0;
};

/// One YAML document as a compact arena: nodes, child lists and a string pool, no per-node allocation.
/// Read it through Node; the arena's layout is private (visible here only because Node's accessors
/// are inline: they are a few loads each and sit in every rule's inner loop).
class Document {
 public:
  /// The top node of the document (absent when the document is empty).
  Node root() const { return slots_.empty() ? Node() : Node(this, root_); }
  /// Number of nodes in the arena.
  std::size_t node_count() const { return slots_.size(); }
  /// Approximate heap bytes held by the arena.
  std::size_t memory_bytes() const;
  /// The deepest nesting of mappings and sequences in the document (a scalar root is 0): what
  /// bounds the recursion of a walk, such as a schema validation, over any of its nodes.
  std::uint32_t depth() const { return depth_; }

 private:
  friend class Node;             // reads the slots
  friend class DocumentBuilder;  // writes them (the parse module)

  /// One arena slot. For scalars `a`/`b` are offset/length in the string pool; for containers
  /// they are offset/count in the child list (a mapping stores key, value, key, value, ...).
  /// Packed in 16 bytes (every document of a lint stays in memory until the report is written).
  struct Slot {
    NodeType type : 3;
    std::uint8_t flags : 1;
    std::uint32_t column : 28;  ///< 1-based; saturates at kMaxColumn
    std::uint32_t line;
    std::uint32_t a;
    std::uint32_t b;
  };
  static_assert(sizeof(Slot) == 16, "a node's slot is 16 bytes");
  static constexpr std::uint8_t kQuoted = 1;
  static constexpr std::uint32_t kMaxColumn = (1U << 28) - 1;

  const Slot& slot(std::uint32_t i) const { return slots_[i]; }
  std::string_view string_at(std::uint32_t offset, std::uint32_t length) const {
    return std::string_view(strings_).substr(offset, length);
  }
  std::uint32_t child(std::uint32_t i) const { return children_[i]; }

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> children_;
  std::string strings_;
  std::uint32_t root_ = 0;
  std::uint32_t depth_ = 0;
};

// The accessors every rule calls in its inner loops, inline: they are a few loads each.
inline NodeType Node::type() const { return doc_ ? doc_->slot(index_).type : NodeType::Null; }
inline bool Node::is_scalar() const {
  NodeType t = type();
  return doc_ && t != NodeType::Null && t != NodeType::Sequence && t != NodeType::Mapping;
}

inline std::string_view Node::text() const {
  if (!doc_) return {};
  const auto& s = doc_->slot(index_);
  if (s.type == NodeType::Sequence || s.type == NodeType::Mapping) return {};
  return doc_->string_at(s.a, s.b);
}

inline std::size_t Node::size() const {
  if (!doc_) return 0;
  const auto& s = doc_->slot(index_);
  if (s.type == NodeType::Sequence) return s.b;
  if (s.type == NodeType::Mapping) return s.b / 2;
  return 0;
}

inline Node Node::item(std::size_t i) const {
  if (!is_seq() || i >= size()) return {};
  return Node(doc_, doc_->child(doc_->slot(index_).a + static_cast<std::uint32_t>(i)));
}

inline Node Node::key_at(std::size_t i) const {
  if (!is_map() || i >= size()) return {};
  return Node(doc_, doc_->child(doc_->slot(index_).a + static_cast<std::uint32_t>(2 * i)));
}

inline Node Node::value_at(std::size_t i) const {
  if (!is_map() || i >= size()) return {};
  return Node(doc_, doc_->child(doc_->slot(index_).a + static_cast<std::uint32_t>(2 * i + 1)));
}

inline Node Node::key_node(std::string_view key) const {
  if (!is_map()) return {};
  for (std::size_t i = size(); i-- > 0;) {
    Node k = key_at(i);
    if (k.is_scalar() && k.text() == key) return k;
  }
  return {};
}

inline Node Node::get(std::string_view key) const {
  if (!is_map()) return {};
  for (std::size_t i = size(); i-- > 0;) {
    Node k = key_at(i);
    if (k.is_scalar() && k.text() == key) return value_at(i);
  }
  return {};
}

inline std::uint32_t Node::line() const { return doc_ ? doc_->slot(index_).line : 0; }
inline std::uint32_t Node::column() const { return doc_ ? doc_->slot(index_).column : 0; }

/// One step of a field path such as `spec.containers[0].env` or `metadata.annotations["a.b/c"]`.
struct PathStep {
  std::string_view key;              ///< a mapping key (empty for an index step)
  std::optional<std::size_t> index;  ///< `[n]`: a sequence index
};

/// Calls `step(PathStep)` for each step of `path`, in order, while it returns true. Returns false
/// when the path is malformed (an unclosed bracket, an index that is not a number). The one reader
/// of the syntax append_path_key() writes: Node::at_path, schema shapes and values lookups use it.
template <typename Step>
bool walk_path(std::string_view path, Step&& step) {
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path.substr(i, 2) == "[\"") {  // ["key.with/dots"]
      std::size_t close = path.find("\"]", i + 2);
      if (close == std::string_view::npos) return false;
      if (!step(PathStep{path.substr(i + 2, close - i - 2), std::nullopt})) return true;
      i = close + 2;
    } else if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return false;
      std::size_t index = 0;
      auto [end, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (ec != std::errc() || end != path.data() + close) return false;
      if (!step(PathStep{{}, index})) return true;
      i = close + 1;
    } else {
      std::size_t end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
      if (!step(PathStep{path.substr(i, end - i), std::nullopt})) return true;
      i = end;
    }
  }
  return true;
}

// Compares key lengths in the arena before any text: a schema validator asks for every property it
// names, most of them absent.
inline std::size_t Node::first_key_index(std::string_view key) const {
  const std::size_t count = size();  // 0 unless a mapping
  if (count == 0) return 0;
  const std::uint32_t first_key = doc_->slot(index_).a;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& k = doc_->slot(doc_->child(first_key + static_cast<std::uint32_t>(2 * i)));
    if (k.b != key.size() || k.type == NodeType::Sequence || k.type == NodeType::Mapping) continue;
    if (doc_->string_at(k.a, k.b) == key) return i;
  }
  return count;
}

}  // namespace chartproof
