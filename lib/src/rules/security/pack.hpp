#pragma once
// The security pack: containers that can run as root or with more privilege than they need.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition run_as_root_rule();
RuleDefinition privileged_container_rule();
RuleDefinition privilege_escalation_allowed_rule();
RuleDefinition writable_root_filesystem_rule();
RuleDefinition capabilities_not_dropped_rule();
RuleDefinition dangerous_capability_added_rule();
RuleDefinition host_namespace_shared_rule();
RuleDefinition host_path_mounted_rule();
RuleDefinition host_port_exposed_rule();
RuleDefinition seccomp_profile_missing_rule();
RuleDefinition service_account_token_mounted_rule();
std::vector<RuleDefinition> security_pack();
}  // namespace chartproof::rules
