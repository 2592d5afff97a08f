#pragma once
// Source maps, step one: a copy of a template in which every line that writes output ends with a
// marker comment naming the template file and line (` #@F:L@`). helm renders the instrumented copy
// of the chart; the markers that reach its output tell which template line wrote each rendered line
// (source_map.hpp reads them back). The markers are YAML comments where they land at the end of a
// YAML line, so the instrumented render has the same lines as the real one; where a marker changes
// what a template computes (a named template's text used as a value), the line counts differ and
// that part of the render is left unmapped rather than mapped wrongly.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::chart {

/// The marker written after template line `line` (1-based) of template file number `file`:
/// ` #@F:L@`, or ` #@F:Ld@` for a line inside a `define` (its text reaches the render through an
/// include, whose line the source map then looks for).
std::string line_marker(std::uint32_t file, std::uint32_t line, bool in_define = false);

/// `text` (a Go template, as helm reads it) with a marker at the end of each line that:
/// - ends outside an action (`{{ … }}`, including multi-line actions, raw strings and comments);
/// - writes output: literal text, or an action that is not control flow (if, range, with, else,
///   end, define, block, break, continue), an assignment or a comment;
/// - is not a `---` document separator (helm splits documents there);
/// - lies outside `define` bodies, or in a define whose text spans lines (a YAML fragment used with
///   `include … | nindent`); a define that yields one line is a value (a name, a label) that other
///   templates compare and cut, so a marker inside it would change the render.
std::string instrument_template(std::string_view text, std::uint32_t file);

/// A named template of a template file: `{{ define "name" }}` … its `{{ end }}`, 1-based lines.
struct DefineSpan {
  std::string name;
  std::uint32_t first = 0;  ///< the line of `define`
  std::uint32_t last = 0;   ///< the line of its `end` (the text's last line when it has none)
};

/// The defines (and blocks) of a template file, in order, by the same scanner as instrument_template.
std::vector<DefineSpan> define_spans(std::string_view text);

/// `text` (an instrumented render, or one line of it) without its markers.
std::string strip_line_markers(std::string_view text);

}  // namespace chartproof::chart
