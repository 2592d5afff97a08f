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
  int code = chartproof::cli::run(args, env);
  std::cout.flush();
  return code;
}
