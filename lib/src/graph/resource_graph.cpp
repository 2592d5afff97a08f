#include "chartproof/graph.hpp"

#include <algorithm>
#include <atomic>

namespace chartproof {

std::string ResourceGraph::key(std::string_view kind, std::string_view namespace_, std::string_view name) {
  std::string k;
  k.reserve(kind.size() + namespace_.size() + name.size() + 2);
  k.append(kind).push_back('\0');
  if (!is_cluster_scoped_kind(kind)) k.append(namespace_);
  k.push_back('\0');
  k.append(name);
  return k;
}

ResourceGraph ResourceGraph::build(std::vector<ParsedDocument> documents, std::string_view default_namespace) {
  ResourceGraph g;
  *g.documents_ = std::move(documents);
  for (const ParsedDocument& doc : *g.documents_) {
    if (!doc.tree) continue;
    Node root = doc.tree->root();
    if (!root.is_map()) {
      g.non_objects_.push_back(
          NonObject{&doc, root,
                    "the document is a " + std::string(node_type_name(root.type())) +
                        ", not a Kubernetes object (a mapping with apiVersion, kind and metadata)"});
      continue;
    }
    Node items = root.get("items");
    if (root.get_text("kind") == "List" && items.is_seq()) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        Node item = items.item(i);
        if (!item.is_map()) {
          g.non_objects_.push_back(NonObject{&doc, item,
                                             "List item " + std::to_string(i) + " is a " +
                                                 std::string(node_type_name(item.type())) +
                                                 ", not a Kubernetes object"});
          continue;
        }
        g.resources_.push_back(make_resource(doc, item, default_namespace));
      }
      continue;
    }
    g.resources_.push_back(make_resource(doc, root, default_namespace));
  }
  for (std::size_t i = 0; i < g.resources_.size(); ++i) {
    Resource& r = g.resources_[i];
    r.index = i;
    g.by_key_.emplace(key(r.ref.kind, r.ref.namespace_, r.ref.name), i);
    g.by_kind_[r.ref.kind].push_back(&r);
    g.by_kind_in_namespace_[r.ref.kind + '\0' + r.ref.namespace_].push_back(&r);
    if (!r.pod) continue;
    g.workloads_by_namespace_[r.ref.namespace_].push_back(&r);
    for (const auto& [key, value] : r.pod->template_labels) {
      auto& list = g.workloads_by_label_[label_key(r.ref.namespace_, key, value)];
      if (list.empty() || list.back() != &r) list.push_back(&r);
    }
  }
  return g;
}

std::string ResourceGraph::label_key(std::string_view namespace_, std::string_view key, std::string_view value) {
  std::string k;
  k.reserve(namespace_.size() + key.size() + value.size() + 2);
  k.append(namespace_).push_back('\0');
  k.append(key).push_back('\0');
  k.append(value);
  return k;
}

const std::vector<const Resource*>& ResourceGraph::all_of_kind(std::string_view kind) const {
  static const std::vector<const Resource*> kNone;
  auto it = by_kind_.find(std::string(kind));
  return it == by_kind_.end() ? kNone : it->second;
}

std::vector<const Resource*> ResourceGraph::same_name(std::string_view kind, std::string_view namespace_,
                                                      std::string_view name) const {
  std::vector<const Resource*> out;
  auto [begin, end] = by_key_.equal_range(key(kind, namespace_, name));
  for (auto it = begin; it != end; ++it) out.push_back(&resources_[it->second]);
  std::sort(out.begin(), out.end(), [](const Resource* a, const Resource* b) { return a->index < b->index; });
  return out;
}

const Resource* ResourceGraph::find(std::string_view kind, std::string_view namespace_, std::string_view name) const {
  auto it = by_key_.find(key(kind, namespace_, name));
  return it == by_key_.end() ? nullptr : &resources_[it->second];
}

const std::vector<const Resource*>& ResourceGraph::of_kind(std::string_view kind, std::string_view namespace_) const {
  static const std::vector<const Resource*> kNone;
  std::string k;
  k.reserve(kind.size() + namespace_.size() + 1);
  k.append(kind).append(1, '\0').append(namespace_);
  auto it = by_kind_in_namespace_.find(k);
  return it == by_kind_in_namespace_.end() ? kNone : it->second;
}

const std::vector<const Resource*>& ResourceGraph::workloads_in(std::string_view namespace_) const {
  static const std::vector<const Resource*> kNone;
  auto it = workloads_by_namespace_.find(std::string(namespace_));
  return it == workloads_by_namespace_.end() ? kNone : it->second;
}

std::vector<const Resource*> ResourceGraph::pods_selected_by(const LabelSelector& selector,
                                                             std::string_view namespace_) const {
  std::vector<const Resource*> out;
  // With a matchLabels pair, only workloads carrying that label can match: look them up.
  const std::vector<const Resource*>* candidates = &workloads_in(namespace_);
  if (!selector.match_labels.empty()) {
    static const std::vector<const Resource*> kNone;
    const auto& [k, v] = selector.match_labels.front();
    auto it = workloads_by_label_.find(label_key(namespace_, k, v));
    candidates = it == workloads_by_label_.end() ? &kNone : &it->second;
  }
  for (const Resource* w : *candidates) {
    if (selector.matches(w->pod->template_labels)) out.push_back(w);
  }
  return out;
}

}  // namespace chartproof
