#pragma once
// Shared check of the missing-*-probe rules: long-running containers must declare the probe.

#include <string>

#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// Reports every long-running container of `r` without `probe_field`. Pods that run to
/// completion (Job, CronJob, restartPolicy Never/OnFailure) and init containers are exempt; native
/// sidecars are long-running and checked.
inline void check_missing_probe(const Resource& r, Reporter& out, std::string_view probe_field,
                                std::string_view probe_name) {
  const PodSpec& pod = *r.pod;
  if (pod.run_to_completion) return;
  for (const Container& c : pod.containers) {
    if (!c.long_running()) continue;
    Node probe = c.node.get(probe_field);
    if (probe && !probe.is_null()) continue;
    out.report(r, Field{c.node, c.path + "." + std::string(probe_field)},
               c.describe() + " has no " + std::string(probe_name) + " probe");
  }
}

}  // namespace chartproof::rules
