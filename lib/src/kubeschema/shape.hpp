#pragma once
// The part of a schema the unknown-field check walks: which properties an object defines, and the
// schemas of map values and array items. Built from the bundle's definitions or a CRD's
// openAPIV3Schema; immutable once built.

#include <rapidjson/document.h>

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chartproof::kubeschema {

struct Shape {
  std::vector<std::pair<std::string, const Shape*>> properties;  ///< sorted by name
  const Shape* additional = nullptr;                             ///< schema of map values (additionalProperties)
  const Shape* items = nullptr;                                  ///< schema of array items
  bool closed = false;                                           ///< a property not in `properties` is unknown
  std::vector<std::string> types;    ///< the `type` keyword: "integer", or "integer" and "string"
  std::vector<std::string> allowed;  ///< the `enum` keyword's values, as text (CRD schemas)

  const Shape* property(std::string_view name) const {
    auto it = std::lower_bound(properties.begin(), properties.end(), name,
                               [](const auto& p, std::string_view n) { return p.first < n; });
    return it != properties.end() && it->first == name ? it->second : nullptr;
  }
  bool has_property(std::string_view name) const {
    auto it = std::lower_bound(properties.begin(), properties.end(), name,
                               [](const auto& p, std::string_view n) { return p.first < n; });
    return it != properties.end() && it->first == name;
  }
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& p : properties) out.push_back(p.first);
    return out;
  }
};

/// The shape at a field path below `root` (`spec.containers[0].ports[0]`, `metadata["a.b/c"]`), or null.
const Shape* shape_at(const Shape* root, std::string_view path);

/// Builds shapes; `resolve` maps a `$ref` target ("#/definitions/X") to its schema (or null).
/// Shapes of the same referenced definition are built once and shared (recursive types work).
class ShapeBuilder {
 public:
  using Resolve = std::function<const rapidjson::Value*(std::string_view ref)>;
  ShapeBuilder(std::deque<Shape>& store, Resolve resolve) : store_(store), resolve_(std::move(resolve)) {}

  /// `crd`: an openAPIV3Schema, where objects without x-kubernetes-preserve-unknown-fields are closed.
  const Shape* build(const rapidjson::Value& schema, bool crd = false);

 private:
  std::deque<Shape>& store_;
  Resolve resolve_;
  std::map<std::string, const Shape*, std::less<>> by_ref_;
};

}  // namespace chartproof::kubeschema
