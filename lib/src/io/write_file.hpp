#pragma once
// Writing a whole file: the instrumented copy of a chart (source maps) and the audit request the
// Dask engine is given are the writers in lib/.

#include <filesystem>
#include <string_view>

namespace chartproof::io {

/// Replaces the file's contents with `text`; false when it cannot be written completely.
bool write_file(const std::filesystem::path& path, std::string_view text);

}  // namespace chartproof::io
