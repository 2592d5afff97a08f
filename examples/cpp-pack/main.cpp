// team-lint: chartproof with the team's pack. Usage: team-lint [--format text|json|sarif]
// [--policy FILE] [--profile NAME] PATH...  Exit 0 clean, 1 findings at error, 2 bad input.
// `team-lint rules` lists every rule it knows, the team's beside the built-in ones.
#include <iostream>
#include <string>
#include <vector>

#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
#include "team_pack.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  chartproof::LintRequest request;
  std::string format = "text";
  for (std::size_t i = 0; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (args[i] == "--format" && has_value) {
      format = args[++i];
    } else if (args[i] == "--policy" && has_value) {
      request.policy_files.push_back(args[++i]);
    } else if (args[i] == "--profile" && has_value) {
      request.profile = args[++i];
    } else {
      request.paths.push_back(args[i]);
    }
  }
  // The catalogue is the built-in packs plus ours; a mistake in our pack is reported here.
  auto catalogue = chartproof::RuleCatalogue::create({team::team_pack()});
  if (!catalogue) {
    std::cerr << "team-lint: " << catalogue.error().to_string() << "\n";
    return 2;
  }
  request.catalogue = catalogue.value();
  if (args.size() == 1 && args[0] == "rules") {
    std::vector<chartproof::RuleDefinition> rules;
    for (const auto* def : request.catalogue->rules()) rules.push_back(*def);
    std::cout << chartproof::format_rules_text(rules);
    return 0;
  }
  auto report = chartproof::lint_request(request);
  if (!report) {
    std::cerr << "team-lint: " << report.error().to_string() << "\n";
    return 2;
  }
  if (format == "json")
    std::cout << chartproof::format_json(report.value());
  else if (format == "sarif")
    std::cout << chartproof::format_sarif(report.value(), ".");
  else
    std::cout << chartproof::format_text(report.value());
  if (!report->errors.empty()) return 2;
  return report->ok(chartproof::Severity::Error) ? 0 : 1;
}
