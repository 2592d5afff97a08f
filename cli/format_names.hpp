#pragma once
// The output formats each command's --format accepts. The parser checks a request against this
// list and shell completion offers it, so the two cannot drift (completion once offered `audit`
// formats it rejects and never offered `html`).

#include <string>
#include <string_view>
#include <vector>

namespace chartproof::cli {

/// The formats `command` ("lint", "audit", "rules") accepts; empty for a command without --format.
inline std::vector<std::string> formats_accepted_by(std::string_view command) {
  if (command == "lint") return {"text", "json", "sarif", "junit", "github", "html"};
  if (command == "audit") return {"text", "json", "sarif", "html"};
  if (command == "rules") return {"text", "markdown", "json"};
  return {};
}

}  // namespace chartproof::cli
