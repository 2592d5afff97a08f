#pragma once
// A parsed YAML node as a CEL value: what `self`, `object` and `params` are bound to (mappings are
// maps with string keys, sequences lists, scalars by their YAML 1.1 type, as the API server decodes
// them).
#include "cel/value.hpp"
#include "chartproof/node.hpp"

namespace chartproof {

cel::Value to_cel(Node node);

}  // namespace chartproof
