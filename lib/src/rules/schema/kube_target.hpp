#pragma once
// What the schema rules validate against, shared by them: the built-in schemas of the target
// Kubernetes version, the CustomResourceDefinitions of the input, and the CRDs and JSON Schemas
// of --schema-dir. One instance per (version, schema dirs), shared by every rule that asks.

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "chartproof/graph.hpp"
#include "jsonschema/json_schema.hpp"
#include "kubeschema/kube_schemas.hpp"

namespace chartproof::rules {

/// A schema for one custom kind: from a CRD's openAPIV3Schema or a JSON Schema file. Compiled on
/// first use: an input with many CRDs (helm --include-crds) usually has objects of few of them.
class CustomSchema {
 public:
  /// `schema` (null: a kind without a schema) must outlive this object; `crd`: an openAPIV3Schema.
  CustomSchema(std::string origin, Node schema, bool crd) : origin_(std::move(origin)), source_(schema), crd_(crd) {}
  const std::string& origin() const { return origin_; }
  /// The valijson validator, or null (no schema, or one valijson cannot take).
  const jsonschema::Schema* validator() const { compile(); return validator_ ? &*validator_ : nullptr; }
  /// The shape unknown-field walks, or null.
  const kubeschema::Shape* root() const { compile(); return root_; }

 private:
  void compile() const;
  std::string origin_;
  Node source_;
  bool crd_;
  mutable std::once_flag once_;
  mutable std::optional<jsonschema::Schema> validator_;
  mutable std::deque<kubeschema::Shape> shapes_;
  mutable const kubeschema::Shape* root_ = nullptr;
};
using CustomSchemas = std::map<std::string, std::shared_ptr<const CustomSchema>, std::less<>>;  ///< by gvk_key

/// The schema a resource is checked against.
struct SchemaFor {
  std::string gvk;                                        ///< "apps/v1 Deployment"
  const kubeschema::VersionSchemas* builtin = nullptr;    ///< a kind the target version serves
  std::shared_ptr<const CustomSchema> custom;             ///< or a custom kind with a schema
  explicit operator bool() const { return builtin || custom; }
};

class KubeTarget {
 public:
  /// The shared target for a version ("" = newest bundled) and schema folders; an Error names an
  /// unknown version (with the bundled ones) or an unreadable folder.
  static Expected<std::shared_ptr<const KubeTarget>> get(const std::string& version, const std::vector<std::string>& schema_dirs);

  const std::string& version() const { return schemas_->version(); }
  const kubeschema::VersionSchemas& builtin() const { return *schemas_; }
  /// Compiles what the graph needs (its kinds' validators, its CRDs), once per graph.
  void prepare(const ResourceGraph& graph) const;
  /// The schema of a resource's apiVersion/kind, if there is one.
  SchemaFor schema_for(const Resource& resource, const ResourceGraph& graph) const;

  KubeTarget(std::shared_ptr<const kubeschema::VersionSchemas> schemas, CustomSchemas from_dirs,
             std::vector<std::shared_ptr<const Document>> dir_documents);

 private:
  std::shared_ptr<const CustomSchemas> crds_of(const ResourceGraph& graph) const;
  std::shared_ptr<const kubeschema::VersionSchemas> schemas_;
  CustomSchemas from_dirs_;
  std::vector<std::shared_ptr<const Document>> dir_documents_;  ///< the trees from_dirs_ points into
  mutable std::mutex mutex_;
  mutable std::map<std::uint64_t, std::shared_ptr<const CustomSchemas>> crds_by_graph_;  ///< the last few graphs
  mutable std::uint64_t prepared_graph_ = 0;  ///< serial of the graph prepare() last ran for
};

/// Schemas of every version of a CustomResourceDefinition object (apiextensions.k8s.io/v1 or
/// v1beta1), by gvk; compiled when first used.
CustomSchemas schemas_of_crd(Node crd, const std::string& origin);

}  // namespace chartproof::rules
