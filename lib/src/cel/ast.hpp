#pragma once
// A parsed CEL expression: operators and functions are calls (`_+_`, `_&&_`, `size`), macros are
// comprehension nodes, every node keeps its offset in the source for error positions.
#include <memory>
#include <string>
#include <vector>

#include "cel/value.hpp"

namespace chartproof::cel {

struct Expr {
  enum class Kind { Literal, Ident, Select, Call, ListLiteral, MapLiteral, Macro };
  Kind kind = Kind::Literal;
  std::size_t offset = 0;
  Value literal;                            ///< Literal
  std::string name;                         ///< Ident, Select (field), Call (function), Macro (all, map, ...)
  std::vector<std::unique_ptr<Expr>> args;  ///< operands; Select: [operand]; Map: key, value, key, value, ...
  bool has_target = false;                  ///< Call: args[0] is the receiver (`x.f(y)`)
  bool optional = false;                    ///< Select: `x.?f`
  bool test_only = false;                   ///< Select inside has()
  std::vector<bool> optional_entries;       ///< List elements / Map entries written `?e` / `?k: v`
  std::string var, var2;                    ///< Macro: the iteration variable(s)
  int height = 1;                           ///< 1 + the tallest operand: evaluation recurses this deep
};
using ExprPtr = std::unique_ptr<Expr>;

}  // namespace chartproof::cel
