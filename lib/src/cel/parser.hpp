#pragma once
// The CEL parser: the grammar of cel-spec langdef.md ("Syntax"), with the optional syntax (`.?f`,
// `[?i]`, `?e` entries) and the macros (has, all, exists, exists_one, map, filter) expanded.
#include <string>
#include <string_view>

#include "cel/ast.hpp"

namespace chartproof::cel {

struct ParseResult {
  ExprPtr expr;       ///< null on error
  std::string error;  ///< `Syntax error: ... at 1:5`
  std::size_t offset = 0;
};

/// Parses `source`; nesting deeper than kMaxNesting is an error, and so is a tree taller than
/// kMaxHeight (`1 + 1 + ...` and `a.b.c...` nest without parentheses): evaluating and destroying a
/// tree recurses as deep as it is tall, never into a stack overflow.
ParseResult parse(std::string_view source);
inline constexpr int kMaxNesting = 250;
inline constexpr int kMaxHeight = 250;

}  // namespace chartproof::cel
