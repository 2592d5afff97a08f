#pragma once
// Small helpers the CLI's commands share.

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace chartproof::cli {

/// One --format NAME or NAME=FILE; an empty file is standard output (or --output).
struct FormatTarget {
  std::string format;
  std::string file;
};

/// Reads --format specs (none: text) against the known formats; two into one destination would
/// leave only the last, so that is an error too. On error, prints it to `err` and returns nullopt.
std::optional<std::vector<FormatTarget>> format_targets(const std::vector<std::string>& specs,
                                                        const std::string& output,
                                                        const std::vector<std::string>& known, std::ostream& err);

/// Writes a file whole or not at all: a regular (or new) file is written beside the target and
/// renamed over it, so a failed write never leaves half a report. /dev/null, a FIFO or a terminal
/// is written in place.
bool write_whole_file(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace chartproof::cli
