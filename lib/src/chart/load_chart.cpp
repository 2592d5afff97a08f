// Chart mode's inputs: a chart folder's own files, its render, and (for hardcoded-secret-data) a
// second render under another release name.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "chartproof/chart.hpp"
#include "io/read_file.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

// Temporary copies of values files that can be read only once (pipes), removed when done.
class TempFiles {
 public:
  TempFiles() = default;
  TempFiles(const TempFiles&) = delete;
  TempFiles& operator=(const TempFiles&) = delete;
  ~TempFiles() {
    for (const auto& p : paths_) std::remove(p.c_str());
  }
  std::optional<std::string> write(const std::string& text) {
    std::string pattern = (fs::temp_directory_path() / "chartproof-values-XXXXXX").string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) return std::nullopt;
    paths_.push_back(pattern);
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (!ok) return std::nullopt;
    return pattern;
  }

 private:
  std::vector<std::string> paths_;
};

}  // namespace

bool looks_like_chart_dir(const std::string& dir) {
  std::error_code ec;
  fs::path d(dir);
  return is_chart_dir(dir) || (fs::is_directory(d / "templates", ec) && fs::is_regular_file(d / "values.yaml", ec));
}

std::string probe_release_name(const std::string& release) {
  return release == "chartproof-probe" ? "chartproof-probe-2" : "chartproof-probe";
}

Expected<ChartSources> load_chart(const std::string& chart_dir, const ChartOptions& options, ChartRenders renders) {
  ChartSources sources;
  sources.dir = chart_dir;
  fs::path dir(chart_dir);
  if (is_chart_dir(chart_dir)) {
    auto text = io::read_file(dir / "Chart.yaml");
    if (!text) return Error{(dir / "Chart.yaml").string(), 0, 0, "cannot read the file"};
    sources.chart_yaml = SourceFile{(dir / "Chart.yaml").string(), std::move(*text)};
  }
  std::error_code ec;
  if (fs::is_regular_file(dir / "values.yaml", ec)) {
    auto text = io::read_file(dir / "values.yaml");
    if (!text) return Error{(dir / "values.yaml").string(), 0, 0, "cannot read the file"};
    sources.values.push_back(SourceFile{(dir / "values.yaml").string(), std::move(*text)});
    sources.has_values_yaml = true;
  }
  // helm's --set a=b,c=d: the values, for telling a value supplied at install from a default.
  for (const auto* list : {&options.set, &options.set_string}) {
    for (const auto& arg : *list) {
      std::istringstream pairs(arg);
      std::string pair;
      while (std::getline(pairs, pair, ',')) {
        if (auto eq = pair.find('='); eq != std::string::npos) sources.set_values.push_back(pair.substr(eq + 1));
      }
    }
  }
  ChartOptions render_options = options;
  TempFiles temp;
  for (std::size_t i = 0; i < options.values_files.size(); ++i) {
    const std::string& given = options.values_files[i];
    auto text = io::read_file(given);
    if (!text) return Error{given, 0, 0, "cannot read the values file"};
    if (!fs::is_regular_file(given, ec)) {
      auto copy = temp.write(*text);
      if (!copy) return Error{given, 0, 0, "cannot copy the values file to a temporary file"};
      render_options.values_files[i] = *copy;  // helm reads the copy; findings name the file the user gave
    }
    sources.values.push_back(SourceFile{given, std::move(*text)});
  }
  // helm refuses a folder without Chart.yaml; the chart pack says why.
  if (!sources.chart_yaml || renders == ChartRenders::None) return sources;
  auto render = render_chart(chart_dir, render_options);
  if (!render) return render.error();
  sources.render = std::move(render.value());
  if (renders == ChartRenders::Twice) {
    render_options.release = probe_release_name(options.release);
    auto second = render_chart(chart_dir, render_options);
    if (!second) return second.error();
    sources.probe_render = std::move(second.value());
  }
  return sources;
}

}  // namespace chartproof
