#include "rules/chart/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> chart_pack() {
  return {
      invalid_chart_yaml_rule(),         invalid_app_version_rule(),   invalid_values_yaml_rule(),
      plaintext_secret_in_values_rule(), hardcoded_secret_data_rule(), legacy_chart_api_version_rule(),
  };
}

}  // namespace chartproof::rules
