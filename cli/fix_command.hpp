#pragma once
// `chartproof fix CHART|FILE...`: the edits that make findings go away, verified by linting an
// edited copy; shown as a unified diff (--diff, the default) or written in place (--write).

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app.hpp"
#include "request_flags.hpp"

namespace chartproof::cli {

struct FixArgs {
  std::vector<std::string> paths;
  bool write = false;
  bool diff = false;
  std::string format = "diff";
  RequestFlags flags;  // the lint settings (chartproof/request_options.hpp)
};

CLI::App* add_fix_command(CLI::App& app, FixArgs& args);
int run_fix_command(const FixArgs& args, Environment& env);

}  // namespace chartproof::cli
