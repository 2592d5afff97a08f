#pragma once
// Shared check of rules whose resource selects pods (PodDisruptionBudget, NetworkPolicy).

#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// Reports when the resource's pod selector matches no pod template of its namespace. An empty
/// selector (`{}`) selects every pod and is not reported.
inline void check_pod_selector_matches(const Resource& r, const ResourceGraph& graph, Reporter& out,
                                       std::string_view consequence) {
  auto selector = view_pod_selector(r);
  if (!selector || selector->empty() || !selector->error.empty()) return;
  if (!graph.pods_selected_by(*selector, r.ref.namespace_).empty()) return;
  out.report(r, selector->field,
             "selector \"" + selector->to_string() + "\" matches no pod template in namespace " +
                 in_quotes(r.ref.namespace_) + "; " + std::string(consequence));
}

}  // namespace chartproof::rules
