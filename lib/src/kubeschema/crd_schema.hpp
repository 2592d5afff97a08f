#pragma once
// What the API server refuses in a CustomResourceDefinition's openAPIV3Schema before it looks at
// anything else: the JSON Schema keywords a structural schema may not use
// (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go,
// specStandardValidatorV3.validate). A CRD that uses one is never created, so its objects cannot
// be validated against it either (and `$ref` could make valijson recurse without end).

#include <string>
#include <vector>

#include "chartproof/node.hpp"

namespace chartproof::kubeschema {

/// One keyword the API server forbids, at its key.
struct CrdSchemaProblem {
  Node key;             ///< the keyword's key node (`$ref`), or the value's node (`type: "null"`)
  std::string path;     ///< field path below openAPIV3Schema, e.g. `allOf[0].$ref`
  std::string message;  ///< the API server's words: `$ref is not supported`
};

/// Every forbidden keyword in `schema` (an openAPIV3Schema), in document order; iterative.
std::vector<CrdSchemaProblem> crd_schema_problems(Node schema);

}  // namespace chartproof::kubeschema
