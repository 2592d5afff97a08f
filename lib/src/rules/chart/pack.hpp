#pragma once
// The chart pack: checks on a chart folder itself (Chart.yaml, values.yaml) and on what its
// renders reveal about defaults baked into it. Runs in chart mode only.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition invalid_chart_yaml_rule();
RuleDefinition invalid_app_version_rule();
RuleDefinition invalid_values_yaml_rule();
RuleDefinition plaintext_secret_in_values_rule();
RuleDefinition hardcoded_secret_data_rule();
RuleDefinition legacy_chart_api_version_rule();
std::vector<RuleDefinition> chart_pack();
}  // namespace chartproof::rules
