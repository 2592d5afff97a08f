// The pss pack: Pod Security Admission's verdict, check by check and version by version
// (rules/pss/admission_checks.hpp), at the level a policy chooses or a namespace's labels enforce.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition pod_security_rule();            // pod_security.cpp
RuleDefinition pod_security_namespace_rule();  // pod_security_namespace.cpp

std::vector<RuleDefinition> pss_pack() {
  return {
      pod_security_rule(),
      pod_security_namespace_rule(),
  };
}

}  // namespace chartproof::rules
