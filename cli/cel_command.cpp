#include "cel_command.hpp"

#include <iostream>
#include <string>

#include "chartproof/cel.hpp"

namespace chartproof::cli {

CLI::App* add_cel_command(CLI::App& app, CelArgs& args) {
  CLI::App* cmd = app.add_subcommand(
      "cel", "Evaluate a CEL expression (Kubernetes' policy language): prints its value, or its error (exit 1)");
  cmd->add_option("expression", args.expression, "The expression, e.g. 'self.spec.replicas <= 10'");
  cmd->add_option("--object", args.object, "YAML or JSON file bound to `object` and `self`");
  cmd->add_option("--params", args.params, "YAML or JSON file bound to `params`");
  cmd->add_option("--kube-version", args.kube_version,
                  "Only the CEL libraries this Kubernetes version enables (e.g. 1.30; default: all)");
  // tools/cel_conformance.py: JSON requests on stdin, one per line, typed JSON answers on stdout.
  cmd->add_flag("--conformance", args.conformance, "Read typed JSON requests from stdin (tools/cel_conformance.py)")
      ->group("");
  return cmd;
}

int run_cel_command(const CelArgs& args, Environment& env) {
  if (args.conformance) {
    std::string line;
    while (std::getline(std::cin, line)) env.out << cel_conformance_answer(line) << "\n" << std::flush;
    return 0;
  }
  if (args.expression.empty()) {
    env.err << "chartproof: cel needs an expression\n";
    return 2;
  }
  auto outcome = evaluate_cel(CelRequest{args.expression, args.object, args.params, args.kube_version});
  if (!outcome) {
    env.err << "chartproof: " << outcome.error().to_string() << "\n";
    return 2;
  }
  if (!outcome->ok) {
    env.err << "error: " << outcome->value << "\n";
    return 1;
  }
  env.out << outcome->value << "\n";
  return 0;
}

}  // namespace chartproof::cli
