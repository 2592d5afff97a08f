#pragma once
// What a chart archive may hold, checked before anything is unpacked. helm loads a packaged chart
// from memory (pkg/chart/loader/archive.go): regular files only, no name outside the chart's folder,
// bounded sizes. Unpacking with tar and rendering the folder must not do more than that: a symbolic
// link in a chart from a pull request or a registry would make helm read a local file (a
// kubeconfig is YAML), and a device or a hard link has no content helm would load.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/error.hpp"

namespace chartproof::chart {

/// One member of a tar listing (`tar -tv`, C locale).
struct ArchiveMember {
  char type = '-';  ///< the mode string's first character: '-' file, 'd' folder, 'l' symbolic link, 'h' hard link, ...
  std::uint64_t size = 0;
  std::string name;  ///< as tar lists it (escaped), without a link's target
};

/// helm's bounds (pkg/chart/loader: MaxDecompressedFileSize, MaxDecompressedChartSize).
constexpr std::uint64_t kMaxChartFileBytes = 5ULL << 20;
constexpr std::uint64_t kMaxChartBytes = 100ULL << 20;

/// Reads GNU tar's verbose listing (`LC_ALL=C tar -tvzf ARCHIVE --numeric-owner`).
std::vector<ArchiveMember> parse_tar_listing(std::string_view listing);

/// Why `archive` may not be unpacked, or nothing: a member that is not a regular file or a folder,
/// an absolute name or one with a `..` part, a file over kMaxChartFileBytes, all files over
/// kMaxChartBytes. The error names the archive and the member.
std::optional<Error> refuse_archive_members(const std::string& archive, const std::vector<ArchiveMember>& members);

}  // namespace chartproof::chart
