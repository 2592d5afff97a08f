// The security pack: containers that can run as root or with more privilege than they need.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition run_as_root_rule();                    // run_as_root.cpp
RuleDefinition privileged_container_rule();           // privileged_container.cpp
RuleDefinition privilege_escalation_allowed_rule();   // privilege_escalation_allowed.cpp
RuleDefinition writable_root_filesystem_rule();       // writable_root_filesystem.cpp
RuleDefinition capabilities_not_dropped_rule();       // capabilities_not_dropped.cpp
RuleDefinition dangerous_capability_added_rule();     // dangerous_capability_added.cpp
RuleDefinition host_namespace_shared_rule();          // host_namespace_shared.cpp
RuleDefinition host_path_mounted_rule();              // host_path_mounted.cpp
RuleDefinition host_port_exposed_rule();              // host_port_exposed.cpp
RuleDefinition seccomp_profile_missing_rule();        // seccomp_profile_missing.cpp
RuleDefinition service_account_token_mounted_rule();  // service_account_token_mounted.cpp

std::vector<RuleDefinition> security_pack() {
  return {
      run_as_root_rule(),
      privileged_container_rule(),
      privilege_escalation_allowed_rule(),
      writable_root_filesystem_rule(),
      capabilities_not_dropped_rule(),
      dangerous_capability_added_rule(),
      host_namespace_shared_rule(),
      host_path_mounted_rule(),
      host_port_exposed_rule(),
      seccomp_profile_missing_rule(),
      service_account_token_mounted_rule(),
  };
}

}  // namespace chartproof::rules
