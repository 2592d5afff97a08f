#include "chartproof/graph.hpp"

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
      g.non_objects_.push_back(NonObject{&doc, root,
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
                                                 std::string(node_type_name(item.type())) + ", not a Kubernetes object"});
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
    if (r.pod) g.workloads_by_namespace_[r.ref.namespace_].push_back(&r);
  }
  return g;
}

const Resource* ResourceGraph::find(std::string_view kind, std::string_view namespace_, std::string_view name) const {
  auto it = by_key_.find(key(kind, namespace_, name));
  return it == by_key_.end() ? nullptr : &resources_[it->second];
}

std::vector<const Resource*> ResourceGraph::of_kind(std::string_view kind, std::string_view namespace_) const {
  std::vector<const Resource*> out;
  for (const auto& r : resources_) {
    if (r.ref.kind == kind && r.ref.namespace_ == namespace_) out.push_back(&r);
  }
  return out;
}

const std::vector<const Resource*>& ResourceGraph::workloads_in(std::string_view namespace_) const {
  static const std::vector<const Resource*> kNone;
  auto it = workloads_by_namespace_.find(std::string(namespace_));
  return it == workloads_by_namespace_.end() ? kNone : it->second;
}

std::vector<const Resource*> ResourceGraph::pods_selected_by(const LabelSelector& selector,
                                                             std::string_view namespace_) const {
  std::vector<const Resource*> out;
  for (const Resource* w : workloads_in(namespace_)) {
    if (selector.matches(w->pod->template_labels)) out.push_back(w);
  }
  return out;
}

}  // namespace chartproof
