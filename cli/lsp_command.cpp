// `chartproof lsp` (lsp_command.hpp).
#include "lsp_command.hpp"

#include <csignal>

#include "chartproof/lsp.hpp"

namespace chartproof::cli {

CLI::App* add_lsp_command(CLI::App& app, LspArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "lsp", "Language server: diagnostics on template and values lines as you edit, fixes as code actions");
  cmd->add_flag("--stdio", args.stdio,
                "Talk JSON-RPC over standard input and output (the default, and only, transport)");
  return cmd;
}

int run_lsp_command(const LspArgs&, Environment& env) {
  env.out.flush();
  // A client that goes away mid-write is an ended session (write fails), not a killed process.
  std::signal(SIGPIPE, SIG_IGN);
  return serve_language_server(0, 1, env.err);
}

}  // namespace chartproof::cli
