#pragma once
/// \file
/// Kubernetes' policy language, CEL, evaluated offline: `chartproof cel EXPR --object FILE` and
/// Python's `chartproof.cel.evaluate` (one entry point for both).

#include <string>

#include "chartproof/error.hpp"

namespace chartproof {

struct CelRequest {
  std::string expression;
  std::string object_file;  ///< YAML or JSON bound to `object` and `self`; empty: unbound
  std::string params_file;  ///< bound to `params`; empty: unbound
  /// `1.30`: only the CEL libraries that Kubernetes version enables; empty: all of them
  std::string kube_version;
};

struct CelOutcome {
  bool ok = false;              ///< false: the expression evaluated to an error
  std::string value;            ///< the value as a CEL literal, or the error's message
  unsigned long long cost = 0;  ///< runtime cost spent
};

/// Evaluates a request. A file that cannot be read or parsed, or a syntax error, is an Error (exit 2).
Expected<CelOutcome> evaluate_cel(const CelRequest& request);

/// For tools/cel_conformance.py: one JSON request `{"expr": "...", "bindings": {NAME: TYPED}}` to one
/// JSON answer `{"value": TYPED}` or `{"error": "..."}`. TYPED is `{"int64": "1"}`, `{"uint64": "1"}`,
/// `{"double": 1.5}` (or "NaN", "Infinity", "-Infinity"), `{"string": ...}`, `{"bytes": HEX}`,
/// `{"bool": true}`, `{"null": null}`, `{"list": [TYPED...]}`, `{"map": [[TYPED, TYPED]...]}`,
/// `{"type": "int"}`, `{"optional": TYPED or null}`.
std::string cel_conformance_answer(const std::string& json_request);

}  // namespace chartproof
