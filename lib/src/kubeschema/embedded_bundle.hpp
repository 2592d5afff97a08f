#pragma once
// The Kubernetes schema bundle (data/k8s-schemas.json, made by tools/gen-k8s-schemas.py) as bytes.
#include <string_view>

namespace chartproof::kubeschema {
std::string_view embedded_bundle();
}  // namespace chartproof::kubeschema
