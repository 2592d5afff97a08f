#pragma once
// JSON Schema validation of our YAML trees with valijson: `pattern` goes through RE2 (valijson 1.0
// would use std::regex), and every violation is mapped back to the node, path and line it concerns.

#include <rapidjson/document.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/node.hpp"

namespace valijson {
class Schema;
class Subschema;
}  // namespace valijson

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
  /// The same for a document the caller gives up (compiled in place, not copied).
  static Expected<Schema> compile(rapidjson::Document&& schema, const std::string& origin);
  /// Compiles a schema written in YAML (a policy's custom rule, a --schema-dir file): an error is
  /// located in `file` at the member it concerns (the `$ref` that closes a cycle), else at `schema`.
  static Expected<Schema> compile(Node schema, const std::string& file);
  /// A schema compiled into the binary (policies/schema/*.json): one that does not compile is a
  /// build defect, so it throws std::logic_error instead of returning an error.
  static Schema compile_embedded(std::string_view json, const std::string& origin);
  ~Schema();

  /// Compiles a document whose `properties` name several root schemas (`{"properties": {"apps/v1
  /// Deployment": {"$ref": "#/definitions/..."}}, "definitions": {...}}`): shared definitions are
  /// parsed once; validate_root() picks one.
  static Expected<Schema> compile_roots(rapidjson::Document&& schema, const std::string& origin);
  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;

  /// Every violation of `target`, innermost first; empty when it is valid. With
  /// `skip_null_members`, `key: null` counts as absent (Kubernetes semantics). A target whose
  /// document nests too deeply for this schema's recursion to stay bounded is not validated: one
  /// violation at `target` says so.
  std::vector<Violation> validate(Node target, bool skip_null_members = false) const;
  /// The same against the root named `root` by compile_roots(); false when there is no such root.
  bool has_root(const std::string& root) const;
  std::vector<Violation> validate_root(const std::string& root, Node target, bool skip_null_members) const;

 private:
  Schema();
  enum class Trust : bool { Input, Bundled };
  static Expected<Schema> compile(rapidjson::Document&& schema, const std::string& origin, Trust trust,
                                  std::vector<std::string>* problem_at);
  std::vector<Violation> run(const valijson::Subschema& schema, Node target, bool skip_null_members) const;
  std::unique_ptr<valijson::Schema> schema_;
  std::map<std::string, const valijson::Subschema*, std::less<>> roots_;
  std::size_t longest_chain_ = 0;  ///< see ReferenceAnalysis
};

}  // namespace chartproof::jsonschema
