#pragma once
// What a run lints, as sources: each path of a request is one kind of input (rendered manifests, a
// chart folder or packaged chart, a remote chart), decided in one place (input_sources), and each
// kind knows how it becomes something to lint. A new kind of input is one class in
// input_sources.cpp and one line where the paths are sorted.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chart/packaged_chart.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/chart_folder.hpp"
#include "chartproof/error.hpp"
#include "chartproof/parse.hpp"

namespace chartproof::request {

/// What a source gives the run: manifests, or one chart's sources (its renders, Chart.yaml, values).
struct LoadedInput {
  std::vector<SourceFile> files;
  std::optional<ChartSources> chart;
};

/// How charts render in this run, and the names (path as loaded, path as shown) findings use.
struct LoadSettings {
  const ChartOptions& chart;
  ChartRenders renders;
  const chart::PathNames& shown;
};

class InputSource {
 public:
  InputSource() = default;
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;
  virtual ~InputSource() = default;
  /// A chart is linted in a lint context of its own (a release never meets another); manifests
  /// share one. Known before loading, so the run knows whether it renders at all.
  [[nodiscard]] virtual bool is_chart() const = 0;
  /// Reads, renders or pulls; sources load concurrently. A chart's error is that chart's (the run
  /// goes on and fails at the end); a manifest's stops the run.
  virtual Expected<LoadedInput> load(const LoadSettings& settings) = 0;
};

/// The sources of a request's paths, in the order they are linted: the manifests (one source), then
/// each chart on disk, then each remote chart. A folder that is a chart is one chart; any other
/// folder is searched for charts (folders and .tgz) and YAML files; `.git` is not searched.
std::vector<std::unique_ptr<InputSource>> input_sources(const std::vector<std::string>& paths);

}  // namespace chartproof::request
