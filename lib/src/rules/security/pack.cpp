#include "rules/security/pack.hpp"

namespace chartproof::rules {

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
