#pragma once
// The chartproof command line, callable in-process (tests) or from main().

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "chartproof/rule_pack.hpp"

namespace chartproof::cli {

/// Where the CLI writes, and facts about the terminal it cannot ask the OS for in tests.
struct Environment {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool no_color = false;  ///< NO_COLOR is set
  /// The rules to know (the console script's --pack adds Python packs); null: the built-in ones.
  std::shared_ptr<const RuleCatalogue> catalogue = nullptr;
  bool stderr_is_terminal = false;  ///< audit draws its progress bar there
  /// The console script takes `--pack MODULE:ATTR` itself (before the C++ CLI sees the arguments);
  /// true: the commands that use rules list it in their --help.
  bool pack_option = false;
};

/// Runs `chartproof <args...>` (args excludes the program name); returns the exit code (0, 1 or 2).
int run(const std::vector<std::string>& args, Environment env);

}  // namespace chartproof::cli
