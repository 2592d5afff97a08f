#pragma once
// What validating a set of objects against a schema can reach: the mapping keys and list items the
// objects have, merged. A CRD's schema pruned to it compiles to a validator that gives the same
// violations for those objects (a subschema of a property no object has is never visited) at a
// fraction of the cost: operators' CRDs run to half a megabyte of schema, and valijson compiles
// every subschema of it.

#include <map>
#include <memory>
#include <string>

#include <rapidjson/document.h>

#include "chartproof/node.hpp"

namespace chartproof::kubeschema {

class SchemaReach {
 public:
  /// Merges one object (its root) into what is reached.
  void add(Node object);
  /// Replaces the subschemas of `schema` no added object reaches with `{}` (any value). Only
  /// `properties` members are replaced; `items`, `allOf`, `anyOf`, `oneOf` and `not` are followed;
  /// `additionalProperties`, `patternProperties` and every other keyword are kept whole.
  void prune(rapidjson::Value& schema) const;

 private:
  std::map<std::string, SchemaReach, std::less<>> keys_;  // below each mapping key
  std::unique_ptr<SchemaReach> items_;                    // below the items of a list
};

}  // namespace chartproof::kubeschema
