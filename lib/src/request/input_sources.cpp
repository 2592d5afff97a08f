// The input sources of a run (input_sources.hpp): what each path is, decided here only, and how
// each kind becomes something to lint.
#include "request/input_sources.hpp"

#include <algorithm>
#include <filesystem>

#include "chart/packaged_chart.hpp"
#include "chart/pull_chart.hpp"
#include "chartproof/request.hpp"

namespace chartproof::request {
namespace fs = std::filesystem;
namespace {

// What a list of paths holds, by kind, in the order the run lints them.
struct SortedPaths {
  std::vector<std::string> charts;  // chart folders and packaged charts: in path order, a folder's sorted
  std::vector<std::string> plain;   // files, "-", and the YAML files of folders outside any chart
  std::vector<std::string> remote;  // oci://…, https://REPO_URL/CHART, REPO/CHART
};

// Sorts paths into charts and plain inputs. A folder that is a chart is one chart; any other
// folder is searched: each chart (folder or .tgz) found in it is rendered (its templates/ and its
// own charts/ are the chart's, never manifests), and its other YAML files are plain inputs. `.git`
// is not searched.
SortedPaths sort_paths(const std::vector<std::string>& paths) {
  SortedPaths out;
  for (const auto& path : paths) {
    std::error_code ec;
    if (chart::remote_kind(path)) {
      out.remote.push_back(path);
      continue;
    }
    if (is_chart_archive(path)) {
      out.charts.push_back(path);
      continue;
    }
    if (path == "-" || !fs::is_directory(path, ec)) {
      out.plain.push_back(path);
      continue;
    }
    if (looks_like_chart_dir(path)) {
      out.charts.push_back(path);
      continue;
    }
    std::vector<std::string> charts;
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      // "./deploy/app.yaml" is shown as "deploy/app.yaml", as pre-commit and git name it.
      const fs::path p = it->path().lexically_normal();
      if (it->is_directory(ec)) {
        if (p.filename() == ".git") {
          it.disable_recursion_pending();
        } else if (looks_like_chart_dir(p.string())) {
          charts.push_back(p.string());
          it.disable_recursion_pending();
        }
      } else if (it->is_regular_file(ec) && (p.extension() == ".yaml" || p.extension() == ".yml")) {
        files.push_back(p.string());
      } else if (is_chart_archive(p.string())) {
        charts.push_back(p.string());
      }
    }
    // An unreadable folder is read_inputs' error to report, with its path.
    if (ec) {
      out.plain.push_back(path);
      continue;
    }
    std::sort(charts.begin(), charts.end());
    std::sort(files.begin(), files.end());
    out.charts.insert(out.charts.end(), charts.begin(), charts.end());
    out.plain.insert(out.plain.end(), files.begin(), files.end());
  }
  return out;
}

// Rendered manifests: files, standard input, the YAML of folders outside any chart. They share one
// lint context; one that cannot be read stops the run.
class Manifests final : public InputSource {
 public:
  explicit Manifests(std::vector<std::string> paths) : paths_(std::move(paths)) {}
  bool is_chart() const override { return false; }
  Expected<LoadedInput> load(const LoadSettings& /*settings*/) override {
    auto read = read_inputs(paths_);
    if (!read) return read.error();
    return LoadedInput{std::move(read.value()), std::nullopt};
  }

 private:
  std::vector<std::string> paths_;
};

// A chart folder or packaged chart on disk, rendered with helm (twice when a rule compares renders).
class LocalChart final : public InputSource {
 public:
  explicit LocalChart(std::string path) : path_(std::move(path)) {}
  bool is_chart() const override { return true; }
  Expected<LoadedInput> load(const LoadSettings& settings) override {
    return load_named(path_, settings, settings.shown);
  }

  // Loads `path` and names what it holds by `shown` (a fleet worker's copy, a pulled archive).
  static Expected<LoadedInput> load_named(const std::string& path, const LoadSettings& settings,
                                          const chart::PathNames& shown) {
    auto sources = load_chart(path, settings.chart, settings.renders);
    if (!sources) {
      Error e = sources.error();
      chart::rename_paths(e, shown);
      return e;
    }
    chart::rename_paths(sources.value(), shown);
    return LoadedInput{{}, std::move(sources.value())};
  }

 private:
  std::string path_;
};

// A chart that is not on disk: helm pulls it into a temporary folder (kept while the run lasts),
// and it is then linted as the packaged chart it is, named by its reference
// (oci://HOST/REPO/CHART@VERSION!/CHART/templates/x.yaml).
class RemoteChart final : public InputSource {
 public:
  explicit RemoteChart(std::string reference) : reference_(std::move(reference)) {}
  bool is_chart() const override { return true; }
  Expected<LoadedInput> load(const LoadSettings& settings) override {
    auto pulled = chart::pull_chart(reference_, settings.chart);
    if (!pulled) return pulled.error();
    pulled_ = std::move(pulled.value());
    chart::PathNames shown = settings.shown;
    shown.emplace_back(pulled_->archive, pulled_->shown);
    return LocalChart::load_named(pulled_->archive, settings, shown);
  }

 private:
  std::string reference_;
  std::optional<chart::PulledChart> pulled_;
};

}  // namespace

std::vector<std::unique_ptr<InputSource>> input_sources(const std::vector<std::string>& paths) {
  SortedPaths sorted = sort_paths(paths);
  std::vector<std::unique_ptr<InputSource>> out;
  if (!sorted.plain.empty()) out.push_back(std::make_unique<Manifests>(std::move(sorted.plain)));
  for (auto& path : sorted.charts) out.push_back(std::make_unique<LocalChart>(std::move(path)));
  for (auto& reference : sorted.remote) out.push_back(std::make_unique<RemoteChart>(std::move(reference)));
  return out;
}

}  // namespace chartproof::request
