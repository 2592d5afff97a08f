#pragma once
/// \file
/// The resource graph: every object of the input, indexed, with selector and reference lookups.

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chartproof/model.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// All resources of one lint run, indexed by kind/namespace/name and by namespace.
class ResourceGraph {
 public:
  /// Builds resources from parsed documents (expanding `kind: List`); takes ownership of them.
  static ResourceGraph build(std::vector<ParsedDocument> documents, std::string_view default_namespace);

  ResourceGraph() = default;
  ResourceGraph(ResourceGraph&&) = default;
  ResourceGraph& operator=(ResourceGraph&&) = default;

  /// Every resource, in input order.
  const std::vector<Resource>& resources() const { return resources_; }
  /// Every non-empty document, in input order (including ones that are not valid YAML).
  const std::vector<ParsedDocument>& documents() const { return *documents_; }
  /// Documents that are not Kubernetes objects (a scalar, a list): the node and what is wrong.
  struct NonObject {
    const ParsedDocument* document;
    Node node;
    std::string problem;
  };
  const std::vector<NonObject>& non_objects() const { return non_objects_; }

  /// The resource with this kind, namespace and name (namespace ignored for cluster-scoped kinds).
  const Resource* find(std::string_view kind, std::string_view namespace_, std::string_view name) const;
  /// Every resource of this kind and namespace, in input order (an index: rules call it per object).
  const std::vector<const Resource*>& of_kind(std::string_view kind, std::string_view namespace_) const;
  /// Every resource of this kind in any namespace, in input order.
  const std::vector<const Resource*>& all_of_kind(std::string_view kind) const;
  /// Every resource with this kind, namespace and name, in input order (more than one is a duplicate).
  std::vector<const Resource*> same_name(std::string_view kind, std::string_view namespace_,
                                         std::string_view name) const;
  /// Workloads (resources with a pod template) of a namespace.
  const std::vector<const Resource*>& workloads_in(std::string_view namespace_) const;
  /// Workloads of the namespace whose pod template labels the selector matches.
  std::vector<const Resource*> pods_selected_by(const LabelSelector& selector, std::string_view namespace_) const;

 private:
  static std::string key(std::string_view kind, std::string_view namespace_, std::string_view name);
  std::unique_ptr<std::vector<ParsedDocument>> documents_ = std::make_unique<std::vector<ParsedDocument>>();
  std::vector<Resource> resources_;
  std::vector<NonObject> non_objects_;
  std::unordered_multimap<std::string, std::size_t> by_key_;
  std::unordered_map<std::string, std::vector<const Resource*>> workloads_by_namespace_;
  std::unordered_map<std::string, std::vector<const Resource*>> by_kind_;
  std::unordered_map<std::string, std::vector<const Resource*>> by_kind_in_namespace_;  ///< kind NUL namespace
  // namespace, label key and value -> workloads whose pod template carries that label
  std::unordered_map<std::string, std::vector<const Resource*>> workloads_by_label_;
  static std::string label_key(std::string_view namespace_, std::string_view key, std::string_view value);
};

}  // namespace chartproof
