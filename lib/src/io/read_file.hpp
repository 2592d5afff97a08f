#pragma once
// Reading a whole file into memory: the one place that does it, for inputs, policies, chart
// folders and schema folders.

#include <filesystem>
#include <string>

#include "chartproof/error.hpp"

namespace chartproof::io {

/// The file's bytes, or an Error whose message says why not (the system's reason when it cannot be
/// opened, "could not be read" when reading fails); callers word their own message around it.
Expected<std::string> read_file(const std::filesystem::path& path);

}  // namespace chartproof::io
