#pragma once
// Charts that arrive as archives: a user's `helm package` .tgz, or a chart folder shipped to a
// fleet-audit worker; and giving their files back the names the user knows.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "chartproof/chart.hpp"

namespace chartproof::chart {

/// (path prefix as loaded, the name to show instead), first match wins.
using PathNames = std::vector<std::pair<std::string, std::string>>;

/// Renames one path: the first (prefix, name) whose prefix is a whole leading part of it.
void rename(std::string& path, const PathNames& names);
/// Renames every path of a loaded chart (its folder, files, render and the messages that name them).
void rename_paths(ChartSources& sources, const PathNames& names);
void rename_paths(Error& error, const PathNames& names);

/// Unpacks `archive` (a .tgz holding one chart folder) into the folder `into`, after checking its
/// members (archive_members.hpp): the chart's folder, or an Error naming the archive.
Expected<std::filesystem::path> unpack_chart_archive(const std::string& archive, const std::filesystem::path& into,
                                                     unsigned timeout_seconds);
/// Unpacks `archive` (a .tgz holding one chart folder) and loads it like load_chart; its files are
/// shown under `shown_as` (empty: ARCHIVE!/FOLDER).
Expected<ChartSources> load_chart_archive(const std::string& archive, const std::string& shown_as,
                                          const ChartOptions& options, ChartRenders renders);

}  // namespace chartproof::chart
