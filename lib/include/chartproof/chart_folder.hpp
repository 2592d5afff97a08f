#pragma once
/// \file
/// A chart folder's own files, parsed, as the `chart` pack inspects them: Chart.yaml, the values
/// files, and a second render under another release name (to tell a default baked into the chart
/// from a value generated or supplied at install). Also answers "which values line did this
/// rendered value come from?" for every finding on the chart's render.

#include <cstdint>
#include <map>
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

/// Where each line of a chart's render came from: read from a second render of a copy of the chart
/// whose template lines end in marker comments (docs/source-maps.md).
struct SourceMap {
  /// The template line that wrote a rendered line, and the `include` that called it (if any).
  struct Origin {
    std::uint32_t file = 0;  ///< index into `files`
    std::uint32_t line = 0;
    bool included = false;  ///< the text came from a define; include_file/include_line called it
    std::uint32_t include_file = 0;
    std::uint32_t include_line = 0;
  };
  std::vector<std::string> files;            ///< template files, as the user names them (DIR/templates/x.yaml)
  std::vector<std::optional<Origin>> lines;  ///< by render line - 1; empty when nothing is known
  std::size_t sections = 0;                  ///< `# Source:` sections of the render
  std::size_t aligned_sections = 0;          ///< of those, the ones whose instrumented twin has the same lines

  /// Lines of the render and of each template (views into texts the ChartFolder keeps), so a
  /// finding is placed in constant time however large the render.
  std::vector<std::string_view> render_lines;
  std::vector<std::vector<std::string_view>> template_lines;
  /// The named templates (`define`) of each file: the lines of `define` and of its `end`, for
  /// lines a round trip (`include … | fromYaml | toYaml`) wrote back without their markers.
  struct Define {
    std::uint32_t file = 0, first = 0, last = 0;
  };
  std::map<std::string, std::vector<Define>, std::less<>> defines;
  static constexpr std::size_t kRender = static_cast<std::size_t>(-1);

  /// Reads the markers of `instrumented` (the render of the instrumented copy) against `render`.
  static SourceMap build(std::string_view render, std::string_view instrumented,
                         const std::vector<std::shared_ptr<const SourceFile>>& templates);
  /// The origin of 1-based render line `line`, if known.
  const Origin* at(std::uint32_t line) const;
  /// 1-based `line` of template `file` (or of the render: kRender), without its line break.
  std::string_view line(std::size_t file, std::uint32_t line) const;
};

/// The unparsed files of a chart folder, as chart mode reads and renders them.
struct ChartSources {
  std::string dir;
  std::optional<SourceFile> chart_yaml;  ///< absent: a folder with templates/ and no Chart.yaml
  std::vector<SourceFile> values;        ///< the chart's values.yaml (if any), then each -f file
  bool has_values_yaml = false;          ///< values[0] is the chart's own values.yaml
  /// The values.yaml of each subchart kept as a folder (DIR/charts/x/values.yaml, nested ones too),
  /// deepest first: a subchart's defaults, which its parent's values override.
  std::vector<SourceFile> subchart_values;
  std::optional<SourceFile> render;        ///< `helm template` output, linted like any rendered file
  std::optional<SourceFile> probe_render;  ///< the same under another release name
  std::string probe_error;                 ///< helm's error when only that second render failed
  std::vector<std::string> set_values;     ///< the values of --set and --set-string (a=b,c=d gives b, d)
  /// The chart's templates and its subcharts' (folders under charts/), as DIR/…/templates/x.yaml;
  /// the source map's file numbers index this list.
  std::vector<SourceFile> templates;
  std::optional<std::string> instrumented_render;  ///< the render of the instrumented copy, when helm made one
  std::string render_name;                         ///< how findings name the render (Finding::rendered)
  std::string source_map_error;                    ///< why there is none (helm's error on the copy)
};

/// One scalar of a values file, with the mapping keys above it (sequence indexes left out).
struct ValueEntry {
  std::vector<std::string_view> keys;  ///< from the top of the parent's values (a subchart's under its key)
  Node node;
  std::size_t file = 0;   ///< index into ChartFolder::values, or subchart_values when `subchart`
  bool subchart = false;  ///< a subchart's own default
  /// Which entry wins when two hold the same value at equal keys: helm's override order (a
  /// subchart's defaults, then the chart's values.yaml, then each -f file).
  std::size_t rank = 0;
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
  std::string probe_error;  ///< helm's error when the chart renders, but not under the probe's release name
  std::shared_ptr<const SourceFile> missing_chart_yaml;  ///< the path Chart.yaml should have, empty
  std::vector<ValueEntry> entries;                       ///< every scalar of every values file, in file order
  /// The subcharts' values.yaml files (ChartSources::subchart_values), parsed, and the key each one's
  /// values live under in the parent's (charts/a/charts/b: a, b).
  std::vector<ParsedDocument> subchart_values;
  std::shared_ptr<const std::vector<std::vector<std::string>>> subchart_scopes;
  /// The values file an entry is in.
  const ParsedDocument& entry_document(const ValueEntry& entry) const {
    return entry.subchart ? subchart_values[entry.file] : values[entry.file];
  }
  std::vector<std::string> set_values;                       ///< the values of --set and --set-string
  std::vector<std::shared_ptr<const SourceFile>> templates;  ///< for code frames, in source-map order
  /// Files of the chart its templates read with `.Files.Get "path"` (a literal path) or match with
  /// `.Files.Glob "pattern"`: lines they put into the render map to these files (source maps, code
  /// frames).
  std::vector<std::shared_ptr<const SourceFile>> read_files;
  SourceMap source_map;          ///< empty when the instrumented render failed
  std::string source_map_error;  ///< why the source map is empty, if it is

  /// Parses what `sources` holds except `render` (the engine parses that with the other inputs).
  static ChartFolder build(ChartSources sources, const SourceFile* render, std::string_view default_namespace,
                           const ParseLimits& limits);

  /// The values entry a rendered scalar at field `path` came from: the same scalar under a key path
  /// sharing the longest tail with `path` (at least the last key); a later values file wins a tie.
  std::optional<ValueSource> value_source(std::string_view path, Node scalar) const;

  /// Moves a finding on this chart's render to where a person fixes it: the values line its value
  /// came from, else the template line that wrote it, else (mapped = false) the template file. The
  /// render position is kept in `rendered`.
  void locate(Finding& finding) const;

 private:
  /// `.Values` paths a template line reads, each as its keys below its chart's values.
  using Reads = std::vector<std::vector<std::string>>;
  void prefer_values_read(Finding& finding, const Reads& reads, std::string_view template_path) const;
  void block_from_values(Finding& finding, std::string_view template_text, const Reads& reads,
                         std::string_view template_path) const;
  /// The values entry at or under a path the line reads whose text is `text` (the part of a composed
  /// value, or the whole scalar), from the values file that wins.
  void value_from_reads(Finding& finding, std::string_view text, const Reads& reads,
                        std::string_view template_path) const;
  std::optional<SourcePosition> line_in_values_block(const Reads& reads, std::string_view template_path,
                                                     std::string_view rendered_line) const;
  std::optional<SourcePosition> entry_of_line(const Reads& reads, std::string_view template_path,
                                              std::string_view rendered_line) const;
  std::optional<SourcePosition> line_of_read_file(std::uint32_t file, std::uint32_t line,
                                                  std::string_view rendered_line) const;
  /// What line `line` of template `file` reads from values (value_reads.cpp): `.Values.a.b`; the
  /// dot's fields under an enclosing `with .Values.x`; else the fields of the dot that name one
  /// values entry of the finding's object (a component a `range` over values passed to a define).
  Reads reads(std::uint32_t file, std::uint32_t line, std::string_view template_path, const Finding& finding) const;
  Reads component_reads(const std::vector<std::string>& dot_read, std::string_view template_path,
                        const Finding& finding) const;

 public:
  /// The file in this folder of a template helm names `CHART/templates/x.yaml` (or
  /// `CHART/charts/SUB/templates/x.yaml`) in `# Source:`; Chart.yaml when no such file exists (a
  /// packaged subchart's template).
  std::string template_path(std::string_view template_name) const;
  /// How chart mode names this chart's render in `Finding::rendered`: `helm template DIR`.
  /// (`helm template DIR`, or the file or `<stdin>` a render was read from with --chart).
  std::string render_name() const { return rendered_as; }
  std::string rendered_as;

  /// True when the installer supplied `text`: a scalar of a -f file or a --set value (not a default).
  bool supplied_at_install(std::string_view text) const;
};

}  // namespace chartproof
