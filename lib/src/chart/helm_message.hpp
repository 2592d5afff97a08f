#pragma once
// What helm printed on stderr when it failed, as chartproof shows it: without helm's advice about
// its own --debug flag (which does not apply to chartproof's users), trailing blank space and the
// `Error: ` prefix. helm template (render_chart) and helm pull (pull_chart) both fail this way.

#include <string>

namespace chartproof::chart {

inline std::string helm_message(std::string err) {
  if (auto hint = err.find("\nUse --debug flag"); hint != std::string::npos) err.erase(hint);
  while (!err.empty() && (err.back() == '\n' || err.back() == ' ')) err.pop_back();
  if (err.rfind("Error: ", 0) == 0) err.erase(0, 7);
  return err;
}

}  // namespace chartproof::chart
