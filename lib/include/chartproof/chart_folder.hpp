#pragma once
/// \file
/// A chart folder's own files, parsed, as the `chart` pack inspects them: Chart.yaml, the values
/// files, and a second render under another release name (to tell a default baked into the chart
/// from a value generated or supplied at install). Also answers "which values line did this
/// rendered value come from?" for every finding on the chart's render.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/finding.hpp"
#include "chartproof/graph.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// How many times load_chart renders: not at all (the folder's own files only), once, or once more
/// under probe_release_name() for rules that compare renders (RuleMeta::needs_probe_render).
enum class ChartRenders { None, Once, Twice };

/// The unparsed files of a chart folder, as chart mode reads and renders them.
struct ChartSources {
  std::string dir;
  std::optional<SourceFile> chart_yaml;    ///< absent: a folder with templates/ and no Chart.yaml
  std::vector<SourceFile> values;          ///< the chart's values.yaml (if any), then each -f file
  bool has_values_yaml = false;            ///< values[0] is the chart's own values.yaml
  std::optional<SourceFile> render;        ///< `helm template` output, linted like any rendered file
  std::optional<SourceFile> probe_render;  ///< the same under another release name
  std::vector<std::string> set_values;     ///< the values of --set and --set-string (a=b,c=d gives b, d)
};

/// One scalar of a values file, with the mapping keys above it (sequence indexes left out).
struct ValueEntry {
  std::vector<std::string_view> keys;
  Node node;
  std::size_t file = 0;  ///< index into ChartFolder::values
};

/// A chart folder, parsed; lives in the Input beside the rendered files.
struct ChartFolder {
  std::string dir;
  const SourceFile* render = nullptr;  ///< the linted render among the input's files; null if not rendered
  ParsedDocument chart_yaml;           ///< Chart.yaml; an empty document of that path when the folder has none
  bool has_chart_yaml = false;
  std::vector<ParsedDocument> values;                    ///< in helm's order: a later file overrides an earlier one
  bool has_values_yaml = false;                          ///< values[0] is the chart's own values.yaml
  std::optional<ResourceGraph> probe;                    ///< the second render, when a rule asked for it
  std::vector<std::shared_ptr<const SourceFile>> files;  ///< Chart.yaml and the values files
  std::shared_ptr<const SourceFile> probe_file;          ///< the second render's text
  std::shared_ptr<const SourceFile> missing_chart_yaml;  ///< the path Chart.yaml should have, empty
  std::vector<ValueEntry> entries;                       ///< every scalar of every values file, in file order
  std::vector<std::string> set_values;                   ///< the values of --set and --set-string

  /// Parses what `sources` holds except `render` (the engine parses that with the other inputs).
  static ChartFolder build(ChartSources sources, const SourceFile* render, std::string_view default_namespace,
                           const ParseLimits& limits);

  /// The values entry a rendered scalar at field `path` came from: the same scalar under a key path
  /// sharing the longest tail with `path` (at least the last key); a later values file wins a tie.
  std::optional<ValueSource> value_source(std::string_view path, Node scalar) const;

  /// True when the installer supplied `text`: a scalar of a -f file or a --set value (not a default).
  bool supplied_at_install(std::string_view text) const;
};

}  // namespace chartproof
