#pragma once
// `chartproof cel EXPR [--object FILE] [--params FILE] [--kube-version V]`: evaluates CEL for policy authors.
#include <CLI/CLI.hpp>

#include "app.hpp"

namespace chartproof::cli {

struct CelArgs {
  std::string expression;
  std::string object;
  std::string params;
  std::string kube_version;
  bool conformance = false;
};

CLI::App* add_cel_command(CLI::App& app, CelArgs& args);
int run_cel_command(const CelArgs& args, Environment& env);

}  // namespace chartproof::cli
