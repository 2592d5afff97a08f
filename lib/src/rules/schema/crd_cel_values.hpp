#pragma once
// What a CRD's CEL rule sees as `self`: the object's value at a schema node as the API server builds
// it (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel): defaults of absent properties filled
// in (defaulting runs before validation) and property names escaped (k8s.io/apiserver/pkg/cel/
// escaping.go: `x-y` is `self.x__dash__y`, `namespace` is `self.__namespace__`).
#include <optional>
#include <string>
#include <string_view>

#include "cel/value.hpp"
#include "chartproof/node.hpp"

namespace chartproof::rules {

/// A property name as CEL code names it; nullopt when CEL cannot name it (then rules cannot see it).
std::optional<std::string> escape_property_name(std::string_view name);

/// `value` (null when absent) at `schema` as a CEL value.
cel::Value crd_cel_value(Node value, Node schema);

}  // namespace chartproof::rules
