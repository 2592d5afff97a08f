#pragma once
// The one argument of a bench baseline program: a YAML file, read whole before the clock starts,
// the way chartproof lint reads its inputs (io::read_file: one buffer of the file's size, one read),
// so a baseline and chartproof differ in what follows the read, not in how they read.

#include <cstdio>
#include <optional>
#include <string>
#include <utility>

#include "io/read_file.hpp"

namespace bench {

/// The text of argv[1], or nothing (after a usage line naming `program`, or the read error) when
/// argc is not 2 or the file cannot be read.
inline std::optional<std::string> read_input(int argc, char** argv, const char* program) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE\n", program);
    return std::nullopt;
  }
  auto text = chartproof::io::read_file(argv[1]);
  if (!text) {
    std::fprintf(stderr, "%s: %s: %s\n", program, argv[1], text.error().message.c_str());
    return std::nullopt;
  }
  return std::move(*text);
}

}  // namespace bench
