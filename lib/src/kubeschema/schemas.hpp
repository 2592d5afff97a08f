#pragma once
// What the schema rules validate against. A SchemaCatalogue belongs to one linter: the built-in
// schemas of the target Kubernetes version and the CRDs and JSON Schemas of --schema-dir, read when
// the linter is created (so a long-lived process sees files that changed) and shared read-only by
// its threads. A Schemas belongs to one run: the catalogue plus the CustomResourceDefinitions of
// that run's input.

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/graph.hpp"
#include "jsonschema/json_schema.hpp"
#include "kubeschema/kube_schemas.hpp"

namespace chartproof {

namespace kubeschema {

/// A schema for one custom kind: from a CRD's openAPIV3Schema or a JSON Schema file. Compiled on
/// first use: an input with many CRDs (helm --include-crds) usually has objects of few of them.
class CustomSchema {
 public:
  /// `schema` (null: a kind without a schema) must outlive this object; `crd`: an openAPIV3Schema.
  /// With `instances`, the validator is only ever used on the objects of `api_version` and `kind`
  /// in that graph, and is compiled from the part of the schema they reach (SchemaReach); the graph
  /// must outlive this object. The shape (`root()`) is always the whole schema.
  CustomSchema(std::string origin, Node schema, bool crd, const ResourceGraph* instances = nullptr,
               std::string api_version = {}, std::string kind = {})
      : origin_(std::move(origin)),
        source_(schema),
        crd_(crd),
        instances_(instances),
        api_version_(std::move(api_version)),
        kind_(std::move(kind)) {}
  const std::string& origin() const { return origin_; }
  /// The schema as written (a CRD version's openAPIV3Schema), or a null node: what CEL validation
  /// rules (x-kubernetes-validations) are read from.
  Node source() const { return source_; }
  bool from_crd() const { return crd_; }
  /// The valijson validator, or null (no schema, or one valijson cannot take).
  const jsonschema::Schema* validator() const {
    compile();
    return validator_ ? &*validator_ : nullptr;
  }
  /// The shape unknown-field walks, or null.
  const Shape* root() const {
    compile();
    return root_;
  }
  /// Why there is no validator although there is a schema (a CRD schema the API server refuses, a
  /// JSON Schema valijson cannot take); empty otherwise.
  const std::string& problem() const {
    compile();
    return problem_;
  }
  /// True for a CRD whose schema the API server refuses (invalid-crd-schema): nothing is checked
  /// against it, and its objects are reported once per kind as not validated.
  bool refused() const {
    compile();
    return refused_;
  }

 private:
  void compile() const;
  std::string origin_;
  Node source_;
  bool crd_;
  const ResourceGraph* instances_;
  std::string api_version_;
  std::string kind_;
  mutable std::once_flag once_;
  mutable std::optional<jsonschema::Schema> validator_;
  mutable std::deque<Shape> shapes_;
  mutable const Shape* root_ = nullptr;
  mutable std::string problem_;
  mutable bool refused_ = false;
};
using CustomSchemas = std::map<std::string, std::shared_ptr<const CustomSchema>, std::less<>>;  ///< by gvk_key

/// Schemas of every version of a CustomResourceDefinition object (apiextensions.k8s.io/v1 or
/// v1beta1), by gvk; compiled when first used. With `instances`, each validates only the objects of
/// its kind in that graph (see CustomSchema).
CustomSchemas schemas_of_crd(Node crd, const std::string& origin, const ResourceGraph* instances = nullptr);

/// The schema a resource is checked against.
struct SchemaFor {
  std::string gvk;                             ///< "apps/v1 Deployment"
  const VersionSchemas* builtin = nullptr;     ///< a kind the target version serves
  std::shared_ptr<const CustomSchema> custom;  ///< or a custom kind with a schema
  explicit operator bool() const { return builtin || custom; }
};

}  // namespace kubeschema

/// One linter's schemas: the target version's and those of the --schema-dir folders.
class SchemaCatalogue {
 public:
  /// Reads the bundled schemas of `version` ("" = newest bundled) and every CRD and JSON Schema in
  /// `schema_dirs`; an Error names an unknown version (with the bundled ones) or an unreadable file.
  static Expected<std::shared_ptr<const SchemaCatalogue>> load(const std::string& version,
                                                               const std::vector<std::string>& schema_dirs);

  const std::string& version() const { return target_->version(); }
  const kubeschema::VersionSchemas& builtin() const { return *target_; }
  /// The newest bundled version's schemas (to say "1.28 does not have it, 1.36 does"); built on first use.
  const kubeschema::VersionSchemas& newest() const;
  const kubeschema::CustomSchemas& from_dirs() const { return from_dirs_; }

  SchemaCatalogue(std::unique_ptr<const kubeschema::VersionSchemas> target, kubeschema::CustomSchemas from_dirs,
                  std::vector<std::shared_ptr<const Document>> dir_documents);

 private:
  std::unique_ptr<const kubeschema::VersionSchemas> target_;
  kubeschema::CustomSchemas from_dirs_;
  std::vector<std::shared_ptr<const Document>> dir_documents_;  ///< the trees from_dirs_ points into
  mutable std::once_flag newest_once_;
  mutable std::unique_ptr<const kubeschema::VersionSchemas> newest_;
};

/// One run's schemas: the catalogue, and the CRDs of the run's input (which win over --schema-dir).
class Schemas {
 public:
  /// Compiles the validators of the input's built-in kinds up front (in one go, so definitions they
  /// share are parsed once) and indexes the input's CRDs.
  Schemas(const SchemaCatalogue& catalogue, const ResourceGraph& graph);

  const SchemaCatalogue& catalogue() const { return catalogue_; }
  const std::string& version() const { return catalogue_.version(); }
  /// The schema of a resource's apiVersion/kind, if there is one.
  kubeschema::SchemaFor schema_for(const Resource& resource) const;

 private:
  const SchemaCatalogue& catalogue_;
  kubeschema::CustomSchemas crds_;
};

}  // namespace chartproof
