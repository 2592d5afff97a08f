// Chart mode's inputs: a chart folder's own files, its render, and (for hardcoded-secret-data) a
// second render under another release name.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <sstream>

#include "chart/instrument_template.hpp"
#include "chart/packaged_chart.hpp"
#include "chart/temp_dir.hpp"
#include "chart/value_paths.hpp"
#include "chart/working_copy.hpp"
#include "chartproof/chart.hpp"
#include "io/read_file.hpp"
#include "io/write_file.hpp"

namespace chartproof {
namespace fs = std::filesystem;
using chart::WorkingCopy;
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

// The templates helm renders for a chart: its templates/ folder and, for each subchart kept as a
// folder under charts/, the same again (relative to `dir`, sorted). Packaged subcharts (.tgz) are
// read from the instrumented copy, where they are unpacked (instrumented_copy).
void collect_templates(const fs::path& dir, const fs::path& rel, std::vector<fs::path>& out) {
  std::error_code ec;
  std::vector<fs::path> found;
  if (fs::is_directory(dir / rel / "templates", ec)) {
    for (auto it = fs::recursive_directory_iterator(dir / rel / "templates", ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->path().filename() == "NOTES.txt") continue;
      found.push_back(it->path().lexically_relative(dir));
    }
  }
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  std::vector<fs::path> subcharts;
  for (const auto& entry : fs::directory_iterator(dir / rel / "charts", ec)) {
    if (entry.is_directory(ec) && fs::is_regular_file(entry.path() / "Chart.yaml", ec)) {
      subcharts.push_back(entry.path().lexically_relative(dir));
    }
  }
  std::sort(subcharts.begin(), subcharts.end());
  for (const auto& sub : subcharts) collect_templates(dir, sub, out);
}

// Reads the chart's templates into `sources` and writes a copy of the chart whose templates carry
// line markers; returns the copy's folder, or nullopt when it cannot be written (no map, no error).
// Packaged subcharts (charts/x-1.0.0.tgz, what `helm dependency build` leaves) are unpacked in the
// copy and instrumented too; their templates are named as packaged charts are,
// charts/x-1.0.0.tgz!/x/templates/y.yaml. helm loads a subchart folder as it loads its archive.
std::optional<fs::path> instrumented_copy(const fs::path& dir, const WorkingCopy& working, ChartSources& sources,
                                          unsigned timeout_seconds) {
  std::vector<fs::path> templates;
  collect_templates(dir, "", templates);
  std::vector<std::string> texts;
  for (const auto& rel : templates) {
    auto text = io::read_file(dir / rel);
    if (!text) return std::nullopt;
    sources.templates.push_back(SourceFile{(dir / rel).string(), *text});
    texts.push_back(std::move(*text));
  }
  if (!working.ok()) return std::nullopt;
  const fs::path& copy = working.path();
  std::error_code ec;
  std::vector<fs::path> copy_templates = templates;  // where each template is in the copy
  // Archives under a charts/ folder of the copy, with how the user names that folder's chart:
  // the chart's own, a subchart folder's, or an unpacked archive's (`DIR/charts/x-1.0.0.tgz!/x`),
  // whose own charts/ may hold archives again.
  struct ChartsFolder {
    fs::path in_copy;  // relative to the copy
    std::string shown;
  };
  std::vector<ChartsFolder> pending{{"charts", dir.string()}};
  for (const auto& rel : templates) {
    // Subchart folders (charts/a/templates/x.yaml): their charts/ folders too.
    for (fs::path at = rel.parent_path(); !at.empty() && at != at.parent_path(); at = at.parent_path()) {
      if (at.filename() == "templates" && !at.parent_path().empty()) {
        ChartsFolder folder{at.parent_path() / "charts", (dir / at.parent_path()).string()};
        if (std::none_of(pending.begin(), pending.end(), [&](const auto& p) { return p.in_copy == folder.in_copy; })) {
          pending.push_back(std::move(folder));
        }
        break;
      }
    }
  }
  std::size_t unpacked_count = 0;
  while (!pending.empty()) {
    const ChartsFolder charts = std::move(pending.back());
    pending.pop_back();
    std::vector<fs::path> archives;
    for (const auto& entry : fs::directory_iterator(copy / charts.in_copy, ec)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file(ec) && (name.ends_with(".tgz") || name.ends_with(".tar.gz")))
        archives.push_back(entry.path());
    }
    std::sort(archives.begin(), archives.end());
    for (const auto& archive : archives) {
      const fs::path into = working.folder() / ("unpacked-" + std::to_string(unpacked_count++));  // beside the copy
      fs::create_directories(into, ec);
      auto folder = chart::unpack_chart_archive(archive.string(), into, timeout_seconds);
      if (!folder) continue;  // the render reports an archive helm cannot load
      const fs::path unpacked = copy / charts.in_copy / folder->filename();
      if (fs::exists(unpacked, ec)) continue;  // a folder of that name already: helm's choice, left alone
      fs::rename(*folder, unpacked, ec);
      if (ec) continue;
      fs::remove(archive, ec);
      fs::remove_all(into, ec);
      const fs::path unpacked_rel = unpacked.lexically_relative(copy);
      const std::string shown =
          charts.shown + "/charts/" + archive.filename().string() + "!/" + folder->filename().string();
      std::vector<fs::path> found;
      collect_templates(copy, unpacked_rel, found);
      for (const auto& rel : found) {
        auto text = io::read_file(copy / rel);
        if (!text) return std::nullopt;
        const fs::path inside = rel.lexically_relative(unpacked_rel);
        sources.templates.push_back(SourceFile{shown + "/" + inside.string(), *text});
        texts.push_back(std::move(*text));
        copy_templates.push_back(rel);
      }
      // Its defaults and its subchart folders', as a subchart folder's (named as its templates
      // are), and the archives in each of their charts/ folders.
      std::vector<std::pair<fs::path, std::string>> charts_in{{unpacked_rel, shown}};
      while (!charts_in.empty()) {
        const auto [chart_rel, chart_shown] = std::move(charts_in.back());
        charts_in.pop_back();
        if (auto values = io::read_file(copy / chart_rel / "values.yaml")) {
          sources.subchart_values.push_back(SourceFile{chart_shown + "/values.yaml", std::move(*values)});
        }
        pending.push_back(ChartsFolder{chart_rel / "charts", chart_shown});
        for (const auto& entry : fs::directory_iterator(copy / chart_rel / "charts", ec)) {
          if (entry.is_directory(ec) && fs::is_regular_file(entry.path() / "Chart.yaml", ec)) {
            charts_in.emplace_back(chart_rel / "charts" / entry.path().filename(),
                                   chart_shown + "/charts/" + entry.path().filename().string());
          }
        }
      }
    }
  }
  for (std::size_t i = 0; i < copy_templates.size(); ++i) {
    if (texts[i].find('\0') != std::string::npos) continue;  // not a text template
    if (!working.write(copy / copy_templates[i], chart::instrument_template(texts[i], static_cast<std::uint32_t>(i)))) {
      return std::nullopt;
    }
  }
  return copy;
}

}  // namespace

bool looks_like_chart_dir(const std::string& dir) {
  std::error_code ec;
  fs::path d(dir);
  return is_chart_dir(dir) || (fs::is_directory(d / "templates", ec) && fs::is_regular_file(d / "values.yaml", ec));
}

std::string probe_release_name(const std::string& release) {
  // Helm's longest release name (53 characters): the second render then also shows which names a
  // chart produces break a limit at some release name (release-name-overflow).
  std::string a = std::string(kProbeReleaseNameStem) + "r", b = std::string(kProbeReleaseNameStem) + "s";
  return release == a ? b : a;
}

Expected<ChartSources> load_chart(const std::string& chart_dir, const ChartOptions& options, ChartRenders renders) {
  if (is_chart_archive(chart_dir)) return chart::load_chart_archive(chart_dir, "", options, renders);
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
  // Each subchart folder's own values.yaml, deepest first: where a value comes from when no values
  // file of its parents sets it. (A packaged subchart's is read where its archive is unpacked, in
  // the instrumented copy.)
  std::vector<std::pair<std::size_t, fs::path>> subchart_values;
  std::vector<fs::path> pending{dir / "charts"};
  while (!pending.empty()) {
    fs::path charts = std::move(pending.back());
    pending.pop_back();
    for (const auto& entry : fs::directory_iterator(charts, ec)) {
      if (!entry.is_directory(ec) || !fs::is_regular_file(entry.path() / "Chart.yaml", ec)) continue;
      const fs::path rel = entry.path().lexically_relative(dir);
      if (fs::is_regular_file(entry.path() / "values.yaml", ec)) {
        subchart_values.emplace_back(static_cast<std::size_t>(std::distance(rel.begin(), rel.end())),
                                     entry.path() / "values.yaml");
      }
      pending.push_back(entry.path() / "charts");
    }
  }
  std::sort(subchart_values.begin(), subchart_values.end(),
            [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (const auto& [depth, path] : subchart_values) {
    if (auto text = io::read_file(path)) sources.subchart_values.push_back(SourceFile{path.string(), std::move(*text)});
  }
  // helm refuses a folder without Chart.yaml; the chart pack says why.
  if (!sources.chart_yaml || renders == ChartRenders::None) return sources;
  // The render and the instrumented render (source map) are independent: run them at once, so
  // chart mode costs about one helm run of wall time. When a rule compares renders, the
  // instrumented one is made under the probe release name and serves as that second render too
  // (markers removed): two helm runs, not three. Line counts do not depend on the release name.
  // The plain render starts first: it needs nothing of the copy, whose writing (every file of the
  // chart) took as long as helm itself on a chart of 230 files.
  auto render = std::async(std::launch::async, [&] { return render_chart(chart_dir, render_options); });
  // The copy is made in memory when it can be (chart/working_copy.hpp says why); when it cannot be
  // instrumented there (no room left), again in the temporary folder.
  auto working = std::make_unique<WorkingCopy>(dir, "chart");
  const std::size_t templates = sources.templates.size(), defaults = sources.subchart_values.size();
  std::optional<fs::path> copy = instrumented_copy(dir, *working, sources, options.timeout_seconds);
  if (!copy && working->in_memory()) {
    sources.templates.erase(sources.templates.begin() + static_cast<std::ptrdiff_t>(templates),
                            sources.templates.end());
    sources.subchart_values.erase(sources.subchart_values.begin() + static_cast<std::ptrdiff_t>(defaults),
                                  sources.subchart_values.end());
    working = std::make_unique<WorkingCopy>(dir, "chart", WorkingCopy::Place::TemporaryFolder);
    copy = instrumented_copy(dir, *working, sources, options.timeout_seconds);
  }
  if (!copy) {
    sources.source_map_error = "cannot write an instrumented copy of the chart to a temporary folder" +
                               (working->error().empty() ? std::string() : ": " + working->error());
  }
  // Packaged subcharts' defaults joined the folders' there: deepest first again (helm's coalescing).
  std::stable_sort(sources.subchart_values.begin(), sources.subchart_values.end(), [&](const auto& a, const auto& b) {
    return chart::values_scope(chart_dir, a.path).size() > chart::values_scope(chart_dir, b.path).size();
  });
  ChartOptions probe_options = render_options;
  probe_options.release = probe_release_name(options.release);
  const ChartOptions& marked_options = renders == ChartRenders::Twice ? probe_options : render_options;
  std::future<Expected<SourceFile>> instrumented;
  if (copy) {
    instrumented = std::async(std::launch::async, [&] { return render_chart(copy->string(), marked_options); });
  }
  auto rendered = render.get();
  // The instrumented render may fail where the real one does not (a marker inside a value that a
  // template parses); the chart is then linted without a map, never with a wrong one.
  if (instrumented.valid()) {
    auto marked = instrumented.get();
    if (marked) {
      sources.instrumented_render = std::move(marked.value().text);
    } else {
      sources.source_map_error = marked.error().message;
    }
  }
  if (rendered && renders == ChartRenders::Twice) {
    if (sources.instrumented_render) {
      sources.probe_render =
          SourceFile{rendered->path + " (probe)", chart::strip_line_markers(*sources.instrumented_render)};
    } else if (auto probe = render_chart(chart_dir, probe_options)) {
      sources.probe_render = std::move(probe.value());
    } else {
      // The chart renders under the user's release name and not under the 53-character one (a
      // `fail` on long names, a template that splits the name): said as a finding
      // (release-name-overflow), and the source map is made under the user's name instead.
      sources.probe_error = probe.error().message;
      if (copy) {
        auto marked = render_chart(copy->string(), render_options);
        if (marked) {
          sources.instrumented_render = std::move(marked.value().text);
          sources.source_map_error.clear();
        }
      }
    }
  }
  if (!rendered) return rendered.error();
  sources.render = std::move(rendered.value());
  sources.render_name = "helm template " + chart_dir;
  return sources;
}

}  // namespace chartproof
