#pragma once
// What a JSON Schema's `$ref`s do to valijson, found before valijson sees the schema. valijson
// resolves references into a graph of subschemas and walks it by recursion, both when it compiles
// the schema and when it validates: a reference cycle that consumes no input (`allOf: [{$ref:
// "#"}]`) recurses until the stack overflows, and so may a very long chain of references. This
// analysis refuses those schemas with the place of the reference at fault, and measures what
// bounds the recursion of a validation, so that Schema can refuse an instance too deep for it.

#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <vector>

namespace chartproof::jsonschema {

/// The outcome of analyse_references().
struct ReferenceAnalysis {
  std::string problem;                  ///< why valijson may not compile this schema; empty when it may
  std::vector<std::string> problem_at;  ///< the member at fault, as path segments from the schema's root
  /// The most subschemas valijson applies to one instance one inside another (allOf, anyOf, oneOf,
  /// not, if/then/else, schema dependencies, each reference counted as one): a validation recurses
  /// at most (instance depth + 1) x (chain + 1) levels.
  std::size_t longest_chain = 0;
  std::size_t ref_targets = 0;  ///< subschemas reached through `$ref`
  /// A bound of valijson's recursion when it compiles the schema: it enters each subschema once, so
  /// a descent is at most the document's depth, and each reference target may start another.
  std::size_t compile_depth = 0;
};

/// The most levels valijson may recurse when it compiles or validates. Measured with
/// tests/unit/test_json_schema.cpp's case at the bound under `ulimit -s`: about 2,000 levels need
/// between 4 and 8 MB of stack in the ASan build and between 1 and 2 MB in the release build; 1,500
/// keeps the sanitizer build inside a thread's default 8 MB with a margin.
constexpr std::size_t kMaxSchemaRecursion = 1500;

/// Analyses the references of `schema` (as valijson reads it: a `$ref` replaces its object; only
/// references inside the document, `#...`, resolve). A cycle of subschemas applied to the same
/// instance and a reference that does not resolve or leaves the document are problems.
ReferenceAnalysis analyse_references(const rapidjson::Value& schema);

/// How deeply `a` nests arrays and objects (a scalar is 0); iterative.
std::size_t json_depth(const rapidjson::Value& a);

}  // namespace chartproof::jsonschema
