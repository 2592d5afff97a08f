#pragma once
// `chartproof completion bash|zsh|fish`: shell completion scripts generated from the CLI's own
// subcommands and options, so they never drift from what the parser accepts.

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace chartproof::cli {

/// What completes besides subcommands and option names.
struct CompletionWords {
  std::vector<std::string> rules;     ///< rule ids (--enable, --disable, explain)
  std::vector<std::string> packs;     ///< pack names (--enable, --disable)
  std::vector<std::string> profiles;  ///< --profile
};

/// The script for `shell` (bash, zsh or fish); empty for another shell.
std::string completion_script(const std::string& shell, const CLI::App& app, const CompletionWords& words);

}  // namespace chartproof::cli
