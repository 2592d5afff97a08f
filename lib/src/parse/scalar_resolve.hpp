#pragma once
// Resolution of plain scalars the way Kubernetes' YAML decoder (go-yaml v2, YAML 1.1) does it.

#include <optional>
#include <string>
#include <string_view>

#include "chartproof/node.hpp"

namespace chartproof::parse {

/// An integer literal split the way strconv.ParseInt(s, 0, 64) reads it after go-yaml removed `_`.
struct IntLiteral {
  bool negative = false;
  int base = 10;
  std::string digits;  ///< without sign, prefix and underscores
};
/// The parts of an integer literal (`-0x1F`, `0755`, `1_000`, `0b101`), or nullopt.
std::optional<IntLiteral> split_int_literal(std::string_view text);

/// True when split_int_literal would succeed (without building the digits).
bool is_int_literal(std::string_view text);

/// The type a plain (unquoted, untagged) scalar resolves to.
NodeType resolve_plain_scalar(std::string_view text);

/// The type a scalar with an explicit tag resolves to (`!!str`, `!!int`, ...); plain rules otherwise.
NodeType resolve_tagged_scalar(std::string_view tag, std::string_view text, bool quoted);

}  // namespace chartproof::parse
