// Parsing a chart folder's own files, and mapping rendered values back to values-file lines.
#include <algorithm>
#include <functional>
#include <set>

#include "chartproof/chart_folder.hpp"

#include "chart/value_paths.hpp"
#include "io/read_file.hpp"

namespace chartproof {
namespace {

// The chart's own files as `.Files` holds them (relative paths), for matching `.Files.Glob`
// patterns: not its templates or subcharts; bounded in number and size, since only lines of text
// a template put into the render are looked up in them.
std::vector<std::string> chart_files(const std::string& dir) {
  constexpr std::size_t kMaxFiles = 4096;
  constexpr std::uintmax_t kMaxBytes = 1U << 20U;
  std::vector<std::string> out;
  std::error_code ec;
  const std::filesystem::path root(dir);
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator() && out.size() < kMaxFiles; it.increment(ec)) {
    const auto rel = it->path().lexically_relative(root).generic_string();
    if (it->is_directory(ec)) {
      if (it.depth() == 0 && (rel == "templates" || rel == "charts")) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && it->file_size(ec) <= kMaxBytes) out.push_back(rel);
  }
  return out;
}

ParsedDocument parse_whole(const SourceFile& file, const ParseLimits& limits) {
  // helm reads Chart.yaml and a values file as one document; a second one is an error there too.
  return parse_chunk(file, DocumentChunk{file.text, 1}, limits);
}

// Every scalar under `node`, its keys after `keys`; `like` says which file the entries are in.
void collect_scalars(Node node, std::vector<std::string_view>& keys, const ValueEntry& like,
                     std::vector<ValueEntry>& out) {
  if (node.is_map()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      keys.push_back(node.key_at(i).text());
      collect_scalars(node.value_at(i), keys, like, out);
      keys.pop_back();
    }
  } else if (node.is_seq()) {
    for (std::size_t i = 0; i < node.size(); ++i) collect_scalars(node.item(i), keys, like, out);
  } else if (node.is_scalar() && !node.is_null() && !keys.empty()) {
    out.push_back(ValueEntry{keys, node, like.file, like.subchart, like.rank});
  }
}

}  // namespace

ChartFolder ChartFolder::build(ChartSources sources, const SourceFile* render, std::string_view default_namespace,
                               const ParseLimits& limits) {
  ChartFolder chart;
  chart.dir = std::move(sources.dir);
  chart.render = render;
  chart.has_values_yaml = sources.has_values_yaml;
  chart.set_values = std::move(sources.set_values);
  chart.has_chart_yaml = sources.chart_yaml.has_value();
  if (chart.has_chart_yaml) {
    auto file = std::make_shared<const SourceFile>(std::move(*sources.chart_yaml));
    chart.chart_yaml = parse_whole(*file, limits);
    chart.files.push_back(std::move(file));
  } else {
    // Findings about the missing file name the path it should have; it is not an input of its own.
    auto file = std::make_shared<const SourceFile>(SourceFile{chart.dir + "/Chart.yaml", ""});
    chart.chart_yaml.file = file.get();
    chart.missing_chart_yaml = std::move(file);
  }
  for (auto& values : sources.values) {
    auto file = std::make_shared<const SourceFile>(std::move(values));
    chart.values.push_back(parse_whole(*file, limits));
    chart.files.push_back(std::move(file));
  }
  if (sources.probe_render) {
    auto file = std::make_shared<const SourceFile>(std::move(*sources.probe_render));
    chart.probe = ResourceGraph::build(parse_file(*file, limits), default_namespace);
    chart.probe_file = std::move(file);
  }
  chart.probe_error = std::move(sources.probe_error);
  for (auto& t : sources.templates) chart.templates.push_back(std::make_shared<const SourceFile>(std::move(t)));
  chart.source_map_error = std::move(sources.source_map_error);
  chart.rendered_as = sources.render_name.empty() ? "helm template " + chart.dir : std::move(sources.render_name);
  if (render && sources.instrumented_render) {
    chart.source_map = SourceMap::build(render->text, *sources.instrumented_render, chart.templates);
  }
  // The files the templates read by a literal path (`.Files.Get "files/app.conf"`) or a pattern
  // (`.Files.Glob "dashboards/*.json"`), which `.Files.Get $path` in a range over it reads too.
  std::set<std::string> read;
  std::vector<std::string> patterns;
  for (const auto& t : chart.templates) {
    for (const auto& path : chart::files_read(t->text)) read.insert(path);
    for (auto& pattern : chart::files_globbed(t->text)) patterns.push_back(std::move(pattern));
  }
  if (!patterns.empty()) {
    for (const auto& path : chart_files(chart.dir)) {
      for (const auto& pattern : patterns) {
        if (chart::glob_matches(pattern, path)) read.insert(path);
      }
    }
  }
  for (const auto& path : read) {
    auto text = io::read_file(std::filesystem::path(chart.dir) / path);
    if (text) chart.read_files.push_back(std::make_shared<const SourceFile>(SourceFile{chart.dir + "/" + path, *text}));
  }
  // A subchart's defaults rank below everything its parent's values files say (helm's coalescing).
  auto scopes = std::make_shared<std::vector<std::vector<std::string>>>();
  for (auto& values : sources.subchart_values) {
    scopes->push_back(chart::values_scope(chart.dir, values.path));
    auto file = std::make_shared<const SourceFile>(std::move(values));
    chart.subchart_values.push_back(parse_whole(*file, limits));
    chart.files.push_back(std::move(file));
  }
  chart.subchart_scopes = scopes;
  std::vector<std::string_view> keys;
  for (std::size_t f = 0; f < chart.subchart_values.size(); ++f) {
    if (!chart.subchart_values[f].tree) continue;
    keys.assign((*scopes)[f].begin(), (*scopes)[f].end());
    collect_scalars(chart.subchart_values[f].tree->root(), keys, ValueEntry{{}, {}, f, true, f}, chart.entries);
  }
  for (std::size_t f = 0; f < chart.values.size(); ++f) {
    keys.clear();
    const ValueEntry like{{}, {}, f, false, chart.subchart_values.size() + f};
    if (chart.values[f].tree) collect_scalars(chart.values[f].tree->root(), keys, like, chart.entries);
  }
  return chart;
}

std::optional<ValueSource> ChartFolder::value_source(std::string_view path, Node scalar) const {
  if (!scalar || !scalar.is_scalar() || scalar.is_null()) return std::nullopt;
  auto keys = chart::path_keys(path);
  if (keys.empty()) return std::nullopt;
  const ValueEntry* best = nullptr;
  std::size_t best_tail = 0;
  for (const auto& e : entries) {
    if (e.node.text() != scalar.text()) continue;
    const std::size_t tail = chart::common_tail(keys, e.keys);
    if (tail == 0) continue;
    if (!best || tail > best_tail || (tail == best_tail && e.rank > best->rank)) {
      best = &e;
      best_tail = tail;
    }
  }
  if (!best) {
    // No key in common (a value passed through tpl, a list, a renamed key): a long value that one
    // values entry holds verbatim came from there; a short or repeated one proves nothing.
    constexpr std::size_t kDistinctive = 8;
    if (scalar.text().size() < kDistinctive) return std::nullopt;
    for (const auto& e : entries) {
      if (e.node.text() != scalar.text()) continue;
      if (best && entry_document(*best).file->path == entry_document(e).file->path) return std::nullopt;
      if (!best || e.rank > best->rank) best = &e;
    }
    if (!best) return std::nullopt;
  }
  return ValueSource{entry_document(*best).file->path, best->node.line(), best->node.column()};
}

bool ChartFolder::supplied_at_install(std::string_view text) const {
  std::size_t first_installer_file = has_values_yaml ? 1 : 0;
  for (const auto& e : entries) {
    if (!e.subchart && e.file >= first_installer_file && e.node.text() == text) return true;
  }
  return std::find(set_values.begin(), set_values.end(), text) != set_values.end();
}

}  // namespace chartproof
