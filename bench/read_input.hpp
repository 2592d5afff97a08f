#pragma once
// The one argument of a bench baseline program: a YAML file, read whole before the clock starts.

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace bench {

/// The text of argv[1], or nothing (after a usage line naming `program`) when argc is not 2.
inline std::optional<std::string> read_input(int argc, char** argv, const char* program) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE\n", program);
    return std::nullopt;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace bench
