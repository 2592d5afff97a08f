#pragma once
// Finds a line of an input file for code frames, without copying the file.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chartproof/engine.hpp"

namespace chartproof::report {

/// Line lookup over the files of a report's inputs and its charts' templates, and, for a finding in
/// a file that is not an input (a policy file), that file read once from disk; line offsets are
/// computed once per file, on first use.
class SourceLines {
 public:
  explicit SourceLines(const LintReport& report) : report_(report) {}
  /// The text of 1-based `line` of `file` (without its line break), or empty.
  std::string_view line(std::string_view file, std::uint32_t line);

 private:
  const LintReport& report_;
  std::unordered_map<std::string_view, std::vector<std::size_t>> offsets_;
  std::map<std::string, SourceFile, std::less<>> from_disk_;  ///< node-based: its SourceFiles never move
};

}  // namespace chartproof::report
