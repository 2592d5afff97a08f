#pragma once
// The CEL evaluator: CEL's semantics over a parsed expression (langdef.md, "Evaluation"): errors are
// values, `&&` and `||` absorb an error when the other side decides, macros bind variables, and a
// cost budget stops an expensive expression with an error, never a hang.
#include <cstdint>
#include <map>
#include <string>

#include "cel/ast.hpp"
#include "cel/value.hpp"

namespace chartproof::cel {

/// The variables an expression sees (`self`, `object`, `params`, conformance bindings).
using Bindings = std::map<std::string, Value, std::less<>>;

/// Kubernetes' per-call runtime cost budget (PerCallLimit in k8s.io/apiserver/pkg/cel/limits.go).
inline constexpr std::uint64_t kPerCallCostLimit = 1000000;

struct EvalOptions {
  std::uint64_t cost_limit = kPerCallCostLimit;
  /// The Kubernetes 1.x minor version whose CEL libraries are enabled (library.hpp); 0: all.
  int kube_minor = 0;
};

struct EvalResult {
  Value value;             ///< an Error value when evaluation failed
  std::uint64_t cost = 0;  ///< the runtime cost spent
};

EvalResult evaluate(const Expr& expr, const Bindings& bindings, const EvalOptions& options = {});

/// Parses and evaluates `source`: a syntax error is an Error value too.
EvalResult evaluate(std::string_view source, const Bindings& bindings, const EvalOptions& options = {});

}  // namespace chartproof::cel
