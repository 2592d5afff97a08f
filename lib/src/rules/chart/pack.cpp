// The chart pack: checks on a chart folder itself (Chart.yaml, values.yaml) and on what its
// renders reveal about defaults baked into it. Runs in chart mode only.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition invalid_chart_yaml_rule();          // invalid_chart_yaml.cpp
RuleDefinition invalid_app_version_rule();         // invalid_app_version.cpp
RuleDefinition invalid_values_yaml_rule();         // invalid_values_yaml.cpp
RuleDefinition plaintext_secret_in_values_rule();  // plaintext_secret_in_values.cpp
RuleDefinition hardcoded_secret_data_rule();       // hardcoded_secret_data.cpp
RuleDefinition legacy_chart_api_version_rule();    // legacy_chart_api_version.cpp
RuleDefinition release_name_overflow_rule();       // release_name_overflow.cpp

std::vector<RuleDefinition> chart_pack() {
  return {
      invalid_chart_yaml_rule(),         invalid_app_version_rule(),   invalid_values_yaml_rule(),
      plaintext_secret_in_values_rule(), hardcoded_secret_data_rule(), legacy_chart_api_version_rule(),
      release_name_overflow_rule(),
  };
}

}  // namespace chartproof::rules
