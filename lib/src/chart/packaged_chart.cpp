// Packaged charts (`helm package`'s .tgz): unpacked into a temporary folder and loaded like a chart
// folder, then every path a finding, an error or a code frame can name is given back under the
// name the user knows (ARCHIVE!/CHART/templates/x.yaml, the jar-URL convention: a colon would be
// read as the line separator of FILE:LINE:COL). The texts are kept in memory, so the temporary
// folder is removed before linting.
#include <filesystem>

#include "chart/archive_members.hpp"
#include "chart/packaged_chart.hpp"
#include "chart/temp_dir.hpp"
#include "chartproof/chart.hpp"
#include "io/run_process.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

bool has_suffix(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void rename_text(std::string& text, const chart::PathNames& names) {
  for (const auto& [from, to] : names) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
}

// The one folder holding Chart.yaml that `helm package` puts at the top of the archive.
std::optional<fs::path> chart_folder_in(const fs::path& dir) {
  std::error_code ec;
  std::optional<fs::path> found;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_directory(ec) && is_chart_dir(entry.path().string())) {
      if (found) return std::nullopt;
      found = entry.path();
    }
  }
  return found;
}

}  // namespace

bool is_chart_archive(const std::string& path) {
  std::error_code ec;
  return (has_suffix(path, ".tgz") || has_suffix(path, ".tar.gz")) && fs::is_regular_file(path, ec);
}

namespace chart {

void rename(std::string& path, const PathNames& names) {
  for (const auto& [from, to] : names) {
    // A whole path component: "a/web" renames "a/web/x" and "a/web.tgz!/x" starts after "a/web.tgz".
    if (!from.empty() && path.compare(0, from.size(), from) == 0 &&
        (path.size() == from.size() || path[from.size()] == '/' || path[from.size()] == '!')) {
      path = to + path.substr(from.size());
      return;
    }
  }
}

void rename_paths(ChartSources& sources, const PathNames& names) {
  rename(sources.dir, names);
  if (sources.chart_yaml) rename(sources.chart_yaml->path, names);
  for (auto& f : sources.values) rename(f.path, names);
  for (auto& f : sources.subchart_values) rename(f.path, names);
  if (sources.render) rename(sources.render->path, names);
  if (sources.probe_render) rename(sources.probe_render->path, names);
  for (auto& f : sources.templates) rename(f.path, names);
  rename_text(sources.render_name, names);
  rename_text(sources.source_map_error, names);
}

void rename_paths(Error& error, const PathNames& names) {
  rename(error.file, names);
  rename_text(error.message, names);
}

Expected<fs::path> unpack_chart_archive(const std::string& archive, const fs::path& into, unsigned timeout_seconds) {
  // What the archive holds is checked first (archive_members.hpp): only what helm would load is
  // unpacked. GNU tar (every Debian has it) lists and unpacks; the C locale fixes its listing's words.
  auto tar_error = [&](const io::ProcessResult& run) {
    std::string why = !run.failure.empty() ? run.failure : run.err;
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Error{archive, 0, 0, "not a chart archive tar can unpack: " + why};
  };
  auto list = io::run_process({"env", "LC_ALL=C", "tar", "-tvzf", archive, "--numeric-owner"}, timeout_seconds * 1000U);
  if (list.exit_code != 0) return tar_error(list);
  if (auto refused = refuse_archive_members(archive, parse_tar_listing(list.out))) return *refused;
  // GNU tar also refuses members with `..` or an absolute path by default.
  auto untar =
      io::run_process({"tar", "-xzf", archive, "-C", into.string(), "--no-same-owner", "--no-same-permissions"},
                      timeout_seconds * 1000U);
  if (untar.exit_code != 0) return tar_error(untar);
  auto folder = chart_folder_in(into);
  if (!folder) {
    return Error{archive, 0, 0,
                 "not a packaged chart: a chart archive (helm package) holds one folder with a Chart.yaml"};
  }
  return *folder;
}

Expected<ChartSources> load_chart_archive(const std::string& archive, const std::string& shown_as,
                                          const ChartOptions& options, ChartRenders renders) {
  TempDir temp("chartproof-package-XXXXXX");
  if (temp.path().empty()) return Error{archive, 0, 0, "cannot create a temporary folder to unpack the chart into"};
  auto unpacked = unpack_chart_archive(archive, temp.path(), options.timeout_seconds);
  if (!unpacked) return unpacked.error();
  const fs::path* folder = &unpacked.value();
  std::string shown = shown_as.empty() ? archive + "!/" + folder->filename().string() : shown_as;
  PathNames names = {{folder->string(), shown}};
  auto loaded = load_chart(folder->string(), options, renders);
  if (!loaded) {
    Error e = loaded.error();
    rename_paths(e, names);
    return e;
  }
  rename_paths(loaded.value(), names);
  return loaded;
}

}  // namespace chart
}  // namespace chartproof
