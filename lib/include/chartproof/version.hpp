#pragma once
/// \file
/// The library's version (the project's, from CMake), as every report and `--version` print it.

#include <string_view>

namespace chartproof {

std::string_view version();

}  // namespace chartproof
