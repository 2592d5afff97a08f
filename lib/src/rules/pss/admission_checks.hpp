#pragma once
// Pod Security Admission's decision for one pod spec, check by check, as k8s.io/pod-security-admission
// makes it (policy/check_*.go): which checks a level and policy version apply (a check applies from
// the version that introduced it; a restricted check overrides the baseline check it tightens), and
// for each check that forbids the pod, admission's reason and detail, with the field to fix.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/model.hpp"

namespace chartproof::rules::pss {

enum class Level { Privileged, Baseline, Restricted };

/// `baseline` -> Baseline; nullopt for anything admission does not know.
std::optional<Level> parse_level(std::string_view text);
std::string_view level_name(Level level);

/// A policy version: the minor of Kubernetes 1.x. `latest` is kLatest.
inline constexpr int kLatest = 1000;
/// `latest`, `v1.30` (a namespace label's form) or `1.30` (--kube-version's); nullopt otherwise.
std::optional<int> parse_version(std::string_view text);
/// `latest` or `v1.30`.
std::string version_name(int minor);

/// One check that forbids the pod.
struct Violation {
  std::string_view check;  ///< admission's check id: hostNamespaces, capabilities_restricted, ...
  std::string reason;      ///< ForbiddenReason: "host namespaces"
  std::string detail;      ///< ForbiddenDetail: "hostNetwork=true"
  Field at;                ///< the first field that violates it (a person's first edit)
};

/// The checks of `level` at policy version `minor` that forbid `pod`, in admission's order.
std::vector<Violation> evaluate(Level level, int minor, const PodSpec& pod);

/// A check of admission, for docs and tests: its id, level and the versions its behaviour changes.
struct CheckInfo {
  std::string_view id;
  Level level;
  std::vector<int> versions;  ///< minors where a new version of the check starts (the first: introduced)
  std::string_view what;      ///< what it forbids, in a line
};
const std::vector<CheckInfo>& checks();

}  // namespace chartproof::rules::pss
