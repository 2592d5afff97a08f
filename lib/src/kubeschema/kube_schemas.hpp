#pragma once
// The Kubernetes API schemas of each bundled version, and the API lifecycle table: which
// apiVersion/kind a version serves, a valijson schema per kind, and the shapes unknown-field walks.

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jsonschema/json_schema.hpp"
#include "kubeschema/shape.hpp"

namespace chartproof::kubeschema {

/// "apps/v1 Deployment": how the bundle and the schema roots name a kind.
inline std::string gvk_key(std::string_view api_version, std::string_view kind) {
  return std::string(api_version) + " " + std::string(kind);
}

/// Removes `additionalProperties: false` everywhere in a schema, in place: unknown fields are the
/// unknown-field rule's to report (with a suggestion), so the validators take the open form.
void open_objects(rapidjson::Value& schema);

/// Orders "1.9" < "1.28" < "1.36"; text that is not MAJOR.MINOR sorts as 0.0.
int compare_versions(std::string_view a, std::string_view b);

/// A deprecation or removal of an apiVersion/kind, from the lifecycle table.
struct Lifecycle {
  std::string deprecated_in;  ///< "1.16", or empty
  std::string removed_in;     ///< "1.22", or empty
  std::string replacement;    ///< "apps/v1", or empty
};

/// The lifecycle table's row for an apiVersion/kind, if it was deprecated or removed.
const Lifecycle* lifecycle(std::string_view api_version, std::string_view kind);

/// Kubernetes versions in the bundle, oldest first ("1.28" … "1.36").
const std::vector<std::string>& bundled_versions();

/// One version's schemas: the kinds it serves and their shapes; validators compiled per kind on
/// demand and kept (a linter's SchemaCatalogue owns one, shared by its threads).
class VersionSchemas {
 public:
  /// The schemas of `version` ("1.30", "v1.30" or "1.30.2"), or nullptr when it is not bundled.
  static std::unique_ptr<const VersionSchemas> load(std::string_view version);
  /// True when the bundle has `version` (in any of the forms load() takes).
  static bool is_bundled(std::string_view version);

  const std::string& version() const { return version_; }
  bool serves(const std::string& gvk) const { return kinds_.count(gvk) > 0; }
  /// Every apiVersion/kind this version serves ("apps/v1 Deployment", ...).
  std::vector<std::string> kinds() const {
    std::vector<std::string> out;
    for (const auto& [gvk, definition] : kinds_) out.push_back(gvk);
    return out;
  }
  /// How many kinds have a compiled validator (for tests).
  std::size_t compiled_kinds() const {
    std::lock_guard lock(mutex_);
    return validators_.size();
  }
  /// Compiles the validators of these kinds (those not compiled yet) in one go, so definitions they
  /// share are parsed once; validate() compiles a missing kind on its own. Thread-safe.
  void prepare(const std::vector<std::string>& gvks) const;
  /// Type, required-field and format problems of a resource of kind `gvk` (nulls count as absent).
  std::vector<jsonschema::Violation> validate(const std::string& gvk, Node root) const;
  /// The shape of kind `gvk` (built on first use and kept), or nullptr. Thread-safe.
  const Shape* shape(const std::string& gvk) const;
  /// The bundle's schema of definition `name` ("io.k8s.api.core.v1.Probe"), parsed on first use
  /// and kept, or nullptr. Thread-safe.
  const rapidjson::Value* definition(std::string_view name) const;

  explicit VersionSchemas(std::string version);
  VersionSchemas(const VersionSchemas&) = delete;
  VersionSchemas& operator=(const VersionSchemas&) = delete;

 private:
  std::string version_;
  std::map<std::string, std::string, std::less<>> kinds_;            ///< gvk -> definition name
  rapidjson::Document definition_names_;                             ///< this version's name -> schema index
  std::unordered_map<std::string_view, unsigned> definition_index_;  ///< the same, views of its names
  mutable std::mutex definitions_mutex_;
  mutable std::map<unsigned, rapidjson::Document> parsed_definitions_;  ///< schema index -> parsed
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<jsonschema::Schema>> compiled_;
  mutable std::map<std::string, const jsonschema::Schema*, std::less<>> validators_;  ///< gvk -> its schema set
  mutable std::mutex shapes_mutex_;
  mutable std::deque<Shape> shapes_;
  mutable ShapeBuilder shape_builder_;  ///< builds into shapes_; shared definitions are built once
  mutable std::map<std::string, const Shape*, std::less<>> kind_shapes_;
};

}  // namespace chartproof::kubeschema
