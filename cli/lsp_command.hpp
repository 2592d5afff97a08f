#pragma once
// `chartproof lsp`: the language server over standard input and output (docs/editors.md).

#include <CLI/CLI.hpp>

#include "app.hpp"

namespace chartproof::cli {

struct LspArgs {
  bool stdio = false;  // accepted: editors pass --stdio; it is the only transport
};

CLI::App* add_lsp_command(CLI::App& app, LspArgs& args);
int run_lsp_command(const LspArgs& args, Environment& env);

}  // namespace chartproof::cli
