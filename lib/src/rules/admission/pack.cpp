// The admission pack: what the cluster's own admission policies (ValidatingAdmissionPolicy and
// its bindings, in CEL) would refuse. A rule is registered here, once: its definition function,
// declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition admission_policy_rule();  // admission_policy.cpp

std::vector<RuleDefinition> admission_pack() {
  return {
      admission_policy_rule(),
  };
}

}  // namespace chartproof::rules
