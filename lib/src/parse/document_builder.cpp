#include "parse/document_builder.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "parse/scalar_resolve.hpp"

namespace chartproof {

DocumentBuilder::DocumentBuilder(std::uint32_t first_line, const ParseLimits& limits)
    : doc_(std::make_shared<Document>()), line_offset_(first_line), limits_(limits) {}

std::uint32_t DocumentBuilder::add_slot(NodeType type, std::uint8_t flags, const Mark& mark, std::uint32_t a,
                                        std::uint32_t b) {
  auto index = static_cast<std::uint32_t>(doc_->slots_.size());
  // libyaml marks are 0-based and relative to the chunk; findings are 1-based in the file.
  Document::Slot slot{};
  slot.type = type;
  slot.flags = (flags & Document::kQuoted) != 0;
  // Saturated at the field's width; the mask only tells -Wconversion the value fits.
  slot.column = std::min(static_cast<std::uint32_t>(mark.column) + 1, Document::kMaxColumn) & Document::kMaxColumn;
  slot.line = static_cast<std::uint32_t>(mark.line) + line_offset_;
  slot.a = a;
  slot.b = b;
  doc_->slots_.push_back(slot);
  return index;
}

std::shared_ptr<Document> DocumentBuilder::take() {
  doc_->slots_.shrink_to_fit();
  doc_->children_.shrink_to_fit();
  doc_->strings_.shrink_to_fit();
  return std::move(doc_);
}

Mark DocumentBuilder::mark_of(std::uint32_t node) const {
  const auto& s = doc_->slots_[node];
  return Mark{static_cast<int>(s.line - line_offset_), static_cast<int>(s.column) - 1};
}

void DocumentBuilder::attach(std::uint32_t node) {
  if (stack_.empty()) {
    doc_->root_ = node;
    complete_ = true;
  } else {
    pending_.push_back(node);
  }
}

void DocumentBuilder::name_anchor(std::string_view anchor, std::uint32_t node) {
  if (!anchor.empty()) anchors_[std::string(anchor)] = node;
}

void DocumentBuilder::scalar(const Mark& mark, std::string_view anchor, std::string_view tag, std::string_view value,
                             bool plain) {
  // go-yaml v2: an untagged plain scalar resolves (YAML 1.1 rules); quoted and block scalars are
  // strings; an explicit tag decides, where it is one go-yaml knows.
  NodeType type = tag.empty() ? (plain ? parse::resolve_plain_scalar(value) : NodeType::String)
                              : parse::resolve_tagged_scalar(tag, value, !plain);
  auto offset = static_cast<std::uint32_t>(doc_->strings_.size());
  doc_->strings_.append(value);
  auto node = add_slot(type, plain ? 0 : Document::kQuoted, mark, offset, static_cast<std::uint32_t>(value.size()));
  name_anchor(anchor, node);
  attach(node);
}

void DocumentBuilder::start(NodeType type, const Mark& mark, std::string_view anchor) {
  if (stack_.size() >= limits_.max_depth) {
    throw BuildError{"nesting is deeper than " + std::to_string(limits_.max_depth) + " levels", mark, {}};
  }
  auto node = add_slot(type, 0, mark, 0, 0);
  // A block container's own mark is its first child; users look for the key that names it
  // (`resources:`), so a container that is a mapping value takes its key's position.
  if (!stack_.empty() && doc_->slots_[stack_.back().node].type == NodeType::Mapping &&
      (pending_.size() - stack_.back().first_pending) % 2 == 1) {
    const auto& key = doc_->slots_[pending_.back()];
    doc_->slots_[node].line = key.line;
    doc_->slots_[node].column = key.column;
  }
  if (!anchor.empty()) {
    name_anchor(anchor, node);
    if (open_nodes_.size() <= node) open_nodes_.resize(node + 1, false);
    open_nodes_[node] = true;
  }
  stack_.push_back(Frame{node, static_cast<std::uint32_t>(pending_.size())});
  doc_->depth_ = std::max(doc_->depth_, static_cast<std::uint32_t>(stack_.size()));
}

void DocumentBuilder::end() {
  Frame frame = stack_.back();
  stack_.pop_back();
  auto first = static_cast<std::uint32_t>(doc_->children_.size());
  auto count = static_cast<std::uint32_t>(pending_.size() - frame.first_pending);
  doc_->children_.insert(doc_->children_.end(), pending_.begin() + frame.first_pending, pending_.end());
  pending_.resize(frame.first_pending);
  auto& slot = doc_->slots_[frame.node];
  slot.a = first;
  slot.b = count;
  if (frame.node < open_nodes_.size()) open_nodes_[frame.node] = false;
  if (slot.type == NodeType::Mapping) {
    check_duplicate_keys(first, count);
    apply_merge_keys(frame.node);
  }
  attach(frame.node);
}

void DocumentBuilder::check_duplicate_keys(std::uint32_t first, std::uint32_t count) {
  if (count < 4) return;
  auto key_text = [&](std::uint32_t i) -> std::optional<std::string_view> {
    Node k(doc_.get(), doc_->children_[first + i]);
    if (!k.is_scalar() && !k.is_null()) return std::nullopt;
    return k.text();
  };
  auto report = [&](std::uint32_t i) {
    Node k(doc_.get(), doc_->children_[first + i]);
    issues_.push_back(ParseIssue{ParseIssue::Kind::DuplicateKey,
                                 "key \"" + std::string(k.text()) +
                                     "\" appears more than once in this mapping; "
                                     "the API server keeps only the last value",
                                 k.line(), k.column()});
  };
  std::uint32_t entries = count / 2;
  if (entries <= 16) {
    for (std::uint32_t i = 1; i < entries; ++i) {
      auto ki = key_text(2 * i);
      if (!ki) continue;
      for (std::uint32_t j = 0; j < i; ++j) {
        auto kj = key_text(2 * j);
        if (kj && *kj == *ki) {
          report(2 * i);
          break;
        }
      }
    }
    return;
  }
  std::unordered_set<std::string_view> seen;
  for (std::uint32_t i = 0; i < entries; ++i) {
    auto ki = key_text(2 * i);
    if (ki && !seen.insert(*ki).second) report(2 * i);
  }
}

// YAML 1.1 merge keys, as go-yaml v2 (and so Kubernetes) applies them: `<<: *base` or
// `<<: [*a, *b]` adds the entries of those mappings that the mapping does not set itself; with a
// list, earlier mappings win. The merged entries share the anchored nodes.
void DocumentBuilder::apply_merge_keys(std::uint32_t node) {
  const Document::Slot slot = doc_->slots_[node];
  auto is_merge_key = [&](std::uint32_t key) {
    const auto& k = doc_->slots_[key];
    return k.type == NodeType::String && !(k.flags & Document::kQuoted) && doc_->string_at(k.a, k.b) == "<<";
  };
  bool any = false;
  for (std::uint32_t i = 0; i < slot.b; i += 2) any |= is_merge_key(doc_->children_[slot.a + i]);
  if (!any) return;
  std::vector<std::uint32_t> entries;
  std::vector<std::uint32_t> sources;
  for (std::uint32_t i = 0; i < slot.b; i += 2) {
    std::uint32_t key = doc_->children_[slot.a + i];
    std::uint32_t value = doc_->children_[slot.a + i + 1];
    if (!is_merge_key(key)) {
      entries.insert(entries.end(), {key, value});
      continue;
    }
    const auto& v = doc_->slots_[value];
    auto fail = [&] {
      throw BuildError{"not valid YAML: a merge key (<<) needs a mapping or a list of mappings", mark_of(key), {}};
    };
    if (v.type == NodeType::Mapping) {
      sources.push_back(value);
    } else if (v.type == NodeType::Sequence) {
      for (std::uint32_t j = 0; j < v.b; ++j) {
        std::uint32_t item = doc_->children_[v.a + j];
        if (doc_->slots_[item].type != NodeType::Mapping) fail();
        sources.push_back(item);
      }
    } else {
      fail();
    }
  }
  auto present = [&](std::string_view text) {
    for (std::size_t i = 0; i < entries.size(); i += 2) {
      const auto& k = doc_->slots_[entries[i]];
      if (k.type != NodeType::Sequence && k.type != NodeType::Mapping && doc_->string_at(k.a, k.b) == text) return true;
    }
    return false;
  };
  for (std::uint32_t source : sources) {
    const auto& m = doc_->slots_[source];
    for (std::uint32_t j = 0; j < m.b; j += 2) {
      std::uint32_t key = doc_->children_[m.a + j];
      const auto& k = doc_->slots_[key];
      if (k.type == NodeType::Sequence || k.type == NodeType::Mapping || present(doc_->string_at(k.a, k.b))) continue;
      entries.insert(entries.end(), {key, doc_->children_[m.a + j + 1]});
    }
  }
  auto first = static_cast<std::uint32_t>(doc_->children_.size());
  doc_->children_.insert(doc_->children_.end(), entries.begin(), entries.end());
  doc_->slots_[node].a = first;
  doc_->slots_[node].b = static_cast<std::uint32_t>(entries.size());
}

std::uint32_t DocumentBuilder::copy_subtree(std::uint32_t source, std::uint32_t depth) {
  if (++alias_nodes_ > limits_.max_alias_nodes) {
    throw BuildError{
        "aliases expand to more than " + std::to_string(limits_.max_alias_nodes) + " nodes (an alias bomb?)",
        mark_of(source),
        {}};
  }
  if (depth + stack_.size() >= limits_.max_depth) {
    throw BuildError{
        "nesting through aliases is deeper than " + std::to_string(limits_.max_depth) + " levels", mark_of(source), {}};
  }
  Document::Slot copy = doc_->slots_[source];
  auto index = static_cast<std::uint32_t>(doc_->slots_.size());
  doc_->slots_.push_back(copy);
  if (copy.type == NodeType::Sequence || copy.type == NodeType::Mapping) {
    doc_->depth_ = std::max(doc_->depth_, depth + static_cast<std::uint32_t>(stack_.size()) + 1);
    std::vector<std::uint32_t> kids;
    kids.reserve(copy.b);
    for (std::uint32_t i = 0; i < copy.b; ++i) kids.push_back(copy_subtree(doc_->children_[copy.a + i], depth + 1));
    auto first = static_cast<std::uint32_t>(doc_->children_.size());
    doc_->children_.insert(doc_->children_.end(), kids.begin(), kids.end());
    doc_->slots_[index].a = first;
  }
  return index;
}

void DocumentBuilder::alias(const Mark& mark, std::string_view anchor) {
  auto it = anchors_.find(std::string(anchor));
  if (it == anchors_.end())
    throw BuildError{"not valid YAML: alias *" + std::string(anchor) + " refers to an unknown anchor", mark, {}};
  if (it->second < open_nodes_.size() && open_nodes_[it->second]) {
    throw BuildError{"alias refers to a node that contains it (a recursive alias)", mark, {}};
  }
  // Scalars are shared, not copied: they are leaves and never change.
  const auto& target = doc_->slots_[it->second];
  if (target.type != NodeType::Sequence && target.type != NodeType::Mapping) {
    if (++alias_nodes_ > limits_.max_alias_nodes) {
      throw BuildError{"aliases expand to more than " + std::to_string(limits_.max_alias_nodes) + " nodes", mark, {}};
    }
    attach(it->second);
    return;
  }
  attach(copy_subtree(it->second, 0));
}

}  // namespace chartproof
