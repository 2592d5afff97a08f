#pragma once
// The Kubernetes version a run targets, for rules whose verdict changes with it (env var names,
// Pod Security's policy version, the CEL libraries a CRD rule may call).
#include <string_view>

#include "chartproof/rule.hpp"
#include "kubeschema/kube_schemas.hpp"

namespace chartproof::rules {

/// The minor of a Kubernetes 1.x version written `1.30`, `v1.30` or `1.30.2`; 0 when it is none.
inline int kube_minor(std::string_view version) {
  if (version.starts_with('v')) version.remove_prefix(1);
  if (!version.starts_with("1.")) return 0;
  int minor = 0;
  for (std::size_t i = 2; i < version.size() && version[i] >= '0' && version[i] <= '9' && minor < 1000; ++i) {
    minor = minor * 10 + (version[i] - '0');
  }
  return minor;
}

/// The minor version a run targets: --kube-version's, else the newest bundled Kubernetes version's
/// (what a cluster installed today runs); 0 when neither is known.
inline int target_kube_minor(const LintOptions& options) {
  if (int minor = kube_minor(options.kube_version); minor > 0) return minor;
  const auto& bundled = kubeschema::bundled_versions();
  return bundled.empty() ? 0 : kube_minor(bundled.back());
}

}  // namespace chartproof::rules
