// The built-in catalogue: every pack, in the order `chartproof rules` lists them.
#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof {

const std::vector<RuleDefinition>& builtin_rules() {
  // Built on first use and immutable afterwards (thread-safe static initialisation).
  static const std::vector<RuleDefinition> catalogue = [] {
    std::vector<RuleDefinition> all;
    for (auto pack :
         {rules::security_pack, rules::pss_pack, rules::probes_pack, rules::resources_pack, rules::secrets_pack,
          rules::selectors_pack, rules::rollout_pack, rules::images_pack, rules::hygiene_pack, rules::schema_pack,
          rules::validation_pack, rules::admission_pack, rules::chart_pack, rules::policy_pack}) {
      for (auto& def : pack()) all.push_back(std::move(def));
    }
    return all;
  }();
  return catalogue;
}

}  // namespace chartproof
