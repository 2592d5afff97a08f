#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* no_color = std::getenv("NO_COLOR");
  chartproof::cli::Environment env{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                   no_color != nullptr && *no_color != '\0'};
  env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
  // Nothing escapes as an abort: a bug is reported as one, with the usage exit code a gate fails on.
  int code = 2;
  try {
    code = chartproof::cli::run(args, env);
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "chartproof: internal error: " << e.what() << "\n";
    return 2;
  } catch (...) {
    std::cout.flush();
    std::cerr << "chartproof: internal error: unknown exception\n";
    return 2;
  }
  std::cout.flush();
  return code;
}
