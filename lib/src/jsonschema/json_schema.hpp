#pragma once
// JSON Schema validation of our YAML trees with valijson: `pattern` goes through RE2 (valijson 1.0
// would use std::regex), and every violation is mapped back to the node, path and line it concerns.

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/node.hpp"

namespace valijson {
class Schema;
}

namespace chartproof::jsonschema {

/// One problem found by a schema, at the node it concerns.
struct Violation {
  Node node;
  std::string path;     ///< field path from the validated node, e.g. `rules.run-as-root.severity`
  std::string message;  ///< `missing required field "reason"`, `unknown field "scopes"`, ...
};

/// Converts a YAML node to JSON, keeping its resolved type (integers stay integers).
void to_json(Node node, rapidjson::Value& out, rapidjson::Document::AllocatorType& alloc);

/// A compiled schema; immutable and safe to use from several threads.
class Schema {
 public:
  /// Compiles a JSON Schema (draft 4/7 keywords that valijson supports). `origin` names it in errors.
  static Expected<Schema> compile(const rapidjson::Value& schema, const std::string& origin);
  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;
  ~Schema();

  /// Every violation of `target`, innermost first; empty when it is valid.
  std::vector<Violation> validate(Node target) const;

 private:
  Schema();
  std::unique_ptr<valijson::Schema> schema_;
};

}  // namespace chartproof::jsonschema
