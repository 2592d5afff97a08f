#pragma once
// The fuzz targets' bodies, shared by the libFuzzer entry points (fuzz_*.cpp, clang builds) and the
// regression replay test (tests/unit/test_fuzz_regressions.cpp, every build): an input that once
// crashed a target is replayed through exactly the code that crashed.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chartproof::fuzz {

/// Bytes as one manifest file, linted with every rule of every pack on; the report is rendered in
/// every format.
void lint_manifest(std::string_view bytes);

/// Bytes as a policy file: parsed, turned into a linter, and (when valid) used to lint a fixed
/// manifest (the example's broken render).
void load_policy(std::string_view bytes);

/// Bytes as `Chart.yaml NUL values.yaml NUL rendered.yaml` (missing parts are empty): chart mode
/// without helm, i.e. the chart pack and the values-line mapping over that render.
void lint_chart_files(std::string_view bytes);

/// Bytes as YAML straight into the parse module (libyaml events into the arena tree), as a stream
/// of documents and as one document (the way policy and values files are read); every node of
/// every tree is visited. The fastest way to reach the event source and the tree builder.
void parse_yaml(std::string_view bytes);

/// Bytes as `schema NUL object`: the schema (YAML) becomes the openAPIV3Schema of a
/// CustomResourceDefinition linted with an object of its kind (the object's text follows its
/// apiVersion and kind lines), and the `schema:` of a policy's custom rule whose linter lints the
/// same object. valijson compiles and walks both: reference cycles, deep recursion, patterns.
void check_schema(std::string_view bytes);

/// Bytes as `expression NUL object`: the expression through the CEL parser and evaluator, with
/// `self` bound to the object (YAML) — operators, macros, deep nesting, huge literals and the cost
/// budget meet hostile input.
void evaluate_cel(std::string_view bytes);

/// Bytes as what an editor writes to `chartproof lsp`: fed to the frame reader in two pieces (cut
/// where the first byte says), each message body through the language server (documents tracked,
/// policies checked, nothing linted), then the bytes once more as a single body.
void serve_lsp(std::string_view bytes);

/// The target named `name` ("lint", "policy", "chart", "parse", "schema", "cel", "lsp"), or null.
using Target = void (*)(std::string_view);
Target target_named(std::string_view name);

}  // namespace chartproof::fuzz
