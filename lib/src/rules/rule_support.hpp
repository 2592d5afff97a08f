#pragma once
// What every rule file uses: how to declare a rule, and small helpers over containers.

#include <memory>
#include <string>
#include <utility>

#include "chartproof/rule.hpp"

namespace chartproof::rules {

/// Makes a RuleDefinition for a Rule class constructible from Params.
template <typename R>
RuleDefinition define(RuleMeta meta) {
  return RuleDefinition{std::move(meta),
                        [](const Params& params) -> std::unique_ptr<Rule> { return std::make_unique<R>(params); }};
}

/// A pod with `spec.os.name: windows`: the API server rejects the Linux-only securityContext fields
/// on it (validateWindows in pkg/apis/core/validation), and Pod Security Admission's restricted level
/// exempts it from the checks on them, so no rule may ask for them.
inline bool is_windows_pod(const PodSpec& pod) { return pod.spec.node.get("os").get_text("name") == "windows"; }

/// The kinds that carry a pod spec.
inline std::vector<std::string> workload_kinds() {
  return {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"};
}

/// The deepest existing node along `container.<first>.<second>`, with the full intended path:
/// a missing field is reported at the closest enclosing node that exists.
inline Field field_or_closest(const Container& c, std::string_view first, std::string_view second) {
  std::string path = c.path + "." + std::string(first) + "." + std::string(second);
  Node a = c.node.get(first);
  if (!a.is_map()) return Field{c.node, std::move(path)};
  Node b = a.get(second);
  return Field{b ? b : a, std::move(path)};
}

/// `a, b and c` (or `a, b or c` with conjunction "or") — for messages built from phrases.
inline std::string join_phrases(const std::vector<std::string>& phrases, std::string_view conjunction = "and") {
  std::string out;
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += i + 1 == phrases.size() ? " " + std::string(conjunction) + " " : ", ";
    out += phrases[i];
  }
  return out;
}

/// `a, b, c` — items separated by commas.
inline std::string join_commas(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

/// Quotes a name for a message: `"web"`.
// (Not named `quoted`: with a std::string argument, ADL would find std::quoted from <filesystem>.)
inline std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace chartproof::rules
