// Source maps, step two: read the markers of the instrumented render back (instrument_template.hpp)
// and move chart-mode findings to the template or values line a person edits.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <map>

#include "chart/instrument_template.hpp"
#include "chart/round_trip.hpp"
#include "chart/value_paths.hpp"
#include "chartproof/chart_folder.hpp"

namespace chartproof {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct Marker {
  std::uint32_t file, line;
  bool in_define;
};

// Every well-formed ` #@F:L@` of a line, in order (innermost define first, its callers after).
std::vector<Marker> markers(std::string_view line) {
  std::vector<Marker> out;
  for (std::size_t at = line.find(" #@"); at != std::string_view::npos; at = line.find(" #@", at + 3)) {
    std::size_t i = at + 3;
    auto number = [&](std::uint32_t& value) {
      std::size_t start = i;
      std::uint64_t v = 0;
      while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - start < 9) v = v * 10 + (line[i++] - '0');
      value = static_cast<std::uint32_t>(v);
      return i > start;
    };
    Marker m{};
    if (!number(m.file) || i >= line.size() || line[i++] != ':' || !number(m.line) || i >= line.size()) continue;
    m.in_define = line[i] == 'd';
    if (m.in_define) ++i;
    if (i >= line.size() || line[i] != '@') continue;
    out.push_back(m);
  }
  return out;
}

// The `# Source:` sections of a render: [first line, end line) and the template each names.
struct Section {
  std::string_view name;
  std::size_t begin, end;
};

std::vector<Section> split_sections(const std::vector<std::string_view>& lines) {
  std::vector<Section> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("# Source: ", 0) != 0) continue;
    if (!out.empty()) out.back().end = i;
    out.push_back(Section{lines[i].substr(10), i, lines.size()});
  }
  return out;
}

// The column in the template line `text` of what the render shows at `rendered_column` of
// `rendered`: the same word when the template holds it literally, else the action that wrote it.
std::uint32_t template_column(std::string_view text, std::string_view rendered, std::uint32_t rendered_column) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return 1;
  if (rendered_column > 0 && rendered_column - 1 < rendered.size()) {
    std::string_view rest = rendered.substr(rendered_column - 1);
    std::size_t len = rest.find_first_of(" \t:,\"'#");
    std::string_view word = rest.substr(0, len == 0 ? 1 : len);
    if (!word.empty()) {
      // The occurrence nearest the rendered column (indentation usually agrees).
      std::size_t best = std::string_view::npos;
      for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        auto distance = [&](std::size_t p) {
          return p > rendered_column - 1 ? p - (rendered_column - 1) : rendered_column - 1 - p;
        };
        if (best == std::string_view::npos || distance(at) < distance(best)) best = at;
      }
      if (best != std::string_view::npos && text.substr(best).find("{{") != 0) {
        // Inside an action's own text it is not literal; only accept text outside `{{ … }}`.
        std::size_t open = text.rfind("{{", best);
        std::size_t close = open == std::string_view::npos ? std::string_view::npos : text.find("}}", open);
        if (open == std::string_view::npos || (close != std::string_view::npos && close < best)) {
          return static_cast<std::uint32_t>(best + 1);
        }
      }
    }
  }
  if (std::size_t action = text.find("{{"); action != std::string_view::npos)
    return static_cast<std::uint32_t>(action + 1);
  return static_cast<std::uint32_t>(first + 1);
}

// True when a template line holds an action other than a comment: only then can it write a value
// that a values file set.
bool writes_action(std::string_view line) {
  for (std::size_t at = line.find("{{"); at != std::string_view::npos; at = line.find("{{", at + 2)) {
    std::size_t i = at + 2;
    if (i < line.size() && line[i] == '-') ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (line.substr(i, 2) != "/*") return true;
  }
  return false;
}

// The define line a round trip wrote back (round_trip.hpp) at template `file` line `line`, for a
// finding at field `path`: the define called from that line, in the chart nearest the caller when
// several charts define the name.
std::optional<SourceMap::Origin> round_trip_origin(const SourceMap& map, std::uint32_t file, std::uint32_t line,
                                                   std::string_view path) {
  const auto names = chart::round_trip_defines(map.template_lines[file], line);
  if (names.empty()) return std::nullopt;
  const auto keys = chart::path_keys(path);
  if (keys.empty()) return std::nullopt;
  const std::string& caller = map.files[file];
  std::optional<SourceMap::Origin> found;
  for (const auto& name : names) {
    auto it = map.defines.find(name);
    if (it == map.defines.end()) continue;
    const SourceMap::Define* nearest = nullptr;
    std::size_t shared = 0;
    for (const auto& d : it->second) {
      const std::string& path_of = map.files[d.file];
      const auto n = static_cast<std::size_t>(
          std::mismatch(caller.begin(), caller.end(), path_of.begin(), path_of.end()).first - caller.begin());
      if (!nearest || n > shared) {
        nearest = &d;
        shared = n;
      }
    }
    const auto at = chart::line_for_path(
        chart::define_keys(map.template_lines[nearest->file], nearest->first, nearest->last), keys);
    if (!at) continue;
    if (found) return std::nullopt;  // two defines claim it: which one is unknown
    found = SourceMap::Origin{nearest->file, *at, true, file, line};
  }
  return found;
}

}  // namespace

std::string_view SourceMap::line(std::size_t file, std::uint32_t number) const {
  if (file != kRender && file >= template_lines.size()) return {};
  const auto& text = file == kRender ? render_lines : template_lines[file];
  if (number == 0 || number > text.size()) return {};
  std::string_view out = text[number - 1];
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

SourceMap SourceMap::build(std::string_view render, std::string_view instrumented,
                           const std::vector<std::shared_ptr<const SourceFile>>& templates) {
  SourceMap map;
  for (const auto& t : templates) {
    if (t->text.find("define") != std::string::npos) {
      for (const auto& span : chart::define_spans(t->text)) {
        map.defines[span.name].push_back(Define{static_cast<std::uint32_t>(map.files.size()), span.first, span.last});
      }
    }
    map.files.push_back(t->path);
    map.template_lines.push_back(split_lines(t->text));
  }
  map.render_lines = split_lines(render);
  const auto& plain = map.render_lines;
  auto marked = split_lines(instrumented);
  auto plain_sections = split_sections(plain);
  auto marked_sections = split_sections(marked);
  map.sections = plain_sections.size();
  map.lines.resize(plain.size());
  // Pair sections by template name and occurrence: helm orders both renders the same way, but a
  // marker that changed a computed value may have dropped or added a document.
  std::map<std::string_view, std::vector<const Section*>> by_name;
  for (const auto& s : marked_sections) by_name[s.name].push_back(&s);
  std::map<std::string_view, std::size_t> seen;
  for (const auto& s : plain_sections) {
    auto& twins = by_name[s.name];
    std::size_t n = seen[s.name]++;
    if (n >= twins.size()) continue;
    Section twin = *twins[n];
    Section own = s;
    // helm trims the whitespace around a document; a marker can make a line of only whitespace
    // count (a define that wrote nothing), so compare the sections without such lines at either end.
    auto blank = [](std::string_view line) {
      std::string kept = chart::strip_line_markers(line);
      return kept.find_first_not_of(" \t\r") == std::string_view::npos || kept == "---";
    };
    // A marker on a trimmed line of the twin still counts as the one below the last kept lines:
    // `{{ .Files.Get "x" | indent 6 }}` at a template's end writes the file's lines, then a line of
    // only indentation that carries the action's marker and that helm trims from the real render.
    std::optional<Marker> trimmed_marker;
    for (auto* section : {&twin, &own}) {
      const auto& lines = section == &twin ? marked : plain;
      while (section->end > section->begin + 1 && blank(lines[section->end - 1])) {
        if (section == &twin) {
          if (auto found = markers(lines[section->end - 1]); !found.empty() && !found.front().in_define) {
            trimmed_marker = found.front();
          }
        }
        --section->end;
      }
    }
    if (twin.end - twin.begin != own.end - own.begin) {
      // A leading line of only whitespace and markers: skip it in the instrumented twin.
      std::size_t skip = 0;
      while (twin.begin + 1 + skip < twin.end && blank(marked[twin.begin + 1 + skip]) &&
             twin.end - twin.begin - skip > own.end - own.begin)
        ++skip;
      if (twin.end - twin.begin - skip != own.end - own.begin) continue;
      // Pair own's lines with twin's from the first non-skipped body line: shift by `skip`, and map
      // the `# Source:` line to the twin's (it has no marker either way).
      twin.begin += skip;
    }
    const Section& s2 = own;
    ++map.aligned_sections;
    // Lines a multi-line action wrote (toYaml, include | nindent) carry no marker of their own: the
    // action's line marker ends the last of them, so each takes the next marker below it. A define's
    // text ends on a line that also carries its caller's marker: the lines above it, back to the
    // first line not from that define's file, were written by the same include.
    std::optional<Origin> below;
    if (trimmed_marker && trimmed_marker->file < map.files.size()) {
      below = Origin{trimmed_marker->file, trimmed_marker->line, false, 0, 0};
    }
    std::optional<Marker> call;   // the include below, while we are inside its define's text
    std::uint32_t call_file = 0;  // the file of the define that include called
    for (std::size_t k = s2.end - s2.begin; k-- > 0;) {
      auto found = markers(marked[twin.begin + k]);
      if (!found.empty() && found.front().file < map.files.size()) {
        const Marker& first = found.front();
        if (found.size() > 1 && first.in_define && found[1].file < map.files.size()) {
          call = found[1];
          call_file = first.file;
        } else if (!first.in_define || first.file != call_file) {
          call.reset();
        }
        Origin o{first.file, first.line, false, 0, 0};
        if (call && first.in_define && first.file == call_file) {
          o.included = true;
          o.include_file = call->file;
          o.include_line = call->line;
        }
        below = o;
      }
      map.lines[s2.begin + k] = below;
    }
  }
  return map;
}

const SourceMap::Origin* SourceMap::at(std::uint32_t line) const {
  if (line == 0 || line > lines.size() || !lines[line - 1]) return nullptr;
  return &*lines[line - 1];
}

// The .Values paths a template line reads decide between values entries that hold the same text:
// `{{ .Values.initChownData.securityContext.runAsUser }}` takes its value from that key, not from
// an override's `securityContext.runAsUser` that merely ends alike. A subchart's template reads
// its values under the subchart's key.
namespace {

// A line without its indentation and trailing blanks.
std::string_view trimmed(std::string_view line) {
  const auto b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
}

// The one line of `file` after line `after`, up to line `last`, whose text is `wanted` (indentation
// aside); none when no line or two lines do (which one is meant is then unknown).
std::optional<SourcePosition> unique_line(const SourceFile& file, std::string_view wanted, std::uint32_t after,
                                          std::uint32_t last) {
  std::optional<SourcePosition> found;
  std::uint32_t n = 1;
  for (std::size_t at = 0; at <= file.text.size() && n <= last; ++n) {
    const std::size_t end = std::min(file.text.find('\n', at), file.text.size());
    const std::string_view line(file.text.data() + at, end - at);
    if (n > after && trimmed(line) == wanted) {
      if (found) return std::nullopt;
      found = SourcePosition{file.path, n, static_cast<std::uint32_t>(line.find_first_not_of(" \t") + 1)};
    }
    at = end + 1;
  }
  return found;
}

// Whether a values entry is at or under one of the `.Values` paths a template line reads, its
// chart's scope (a subchart's key) first.
bool under_a_read(const ValueEntry& e, const std::vector<std::vector<std::string>>& reads,
                  const std::vector<std::string>& scope) {
  for (const auto& read : reads) {
    const std::size_t n = scope.size() + read.size();
    if (e.keys.size() < n) continue;
    bool match = true;
    for (std::size_t i = 0; i < n && match; ++i) {
      match = e.keys[i] == (i < scope.size() ? std::string_view(scope[i]) : std::string_view(read[i - scope.size()]));
    }
    if (match) return true;
  }
  return false;
}

// The scalar written at `column` of a rendered line (`key: value`, `- value`, quoted or plain),
// unquoted; none for a mapping or list written inline, a block indicator, or a quoted string with
// escapes (its text is not what the line shows).
std::optional<std::string_view> scalar_at(std::string_view line, std::uint32_t column) {
  if (column == 0 || column > line.size()) return std::nullopt;
  std::string_view rest = line.substr(column - 1);
  if (rest.empty() || std::string_view("{[|>&*!").find(rest[0]) != std::string_view::npos) return std::nullopt;
  if (rest[0] == '"' || rest[0] == '\'') {
    const std::size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos || rest.substr(1, close - 1).find('\\') != std::string_view::npos) {
      return std::nullopt;
    }
    return rest.substr(1, close - 1);
  }
  rest = rest.substr(0, rest.find(" #"));
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) rest.remove_suffix(1);
  if (rest.find(": ") != std::string_view::npos || rest.ends_with(':')) return std::nullopt;  // a key, not a value
  return rest;
}

}  // namespace

void ChartFolder::value_from_reads(Finding& f, std::string_view text, const Reads& reads,
                                   std::string_view template_path) const {
  if (reads.empty() || text.empty()) return;
  const std::vector<std::string> scope = chart::values_scope(dir, template_path);
  const ValueEntry* best = nullptr;
  for (const auto& e : entries) {
    if (e.node.text() != text || !under_a_read(e, reads, scope)) continue;
    if (!best || e.rank > best->rank) best = &e;
  }
  if (best) f.value_source = ValueSource{entry_document(*best).file->path, best->node.line(), best->node.column()};
}

std::optional<SourcePosition> ChartFolder::line_in_values_block(const Reads& reads, std::string_view template_path,
                                                                std::string_view rendered_line) const {
  if (reads.empty()) return std::nullopt;
  const std::vector<std::string> scope = chart::values_scope(dir, template_path);
  // The multi-line string the template line reads, from the values file that wins.
  const ValueEntry* block = nullptr;
  for (const auto& e : entries) {
    if (e.node.text().find('\n') == std::string_view::npos || !under_a_read(e, reads, scope)) continue;
    if (!block || e.rank > block->rank) block = &e;
  }
  if (!block) return std::nullopt;
  const std::string_view wanted = trimmed(rendered_line);
  if (wanted.size() < 3) return std::nullopt;
  // The block's lines in the file: after the scalar's start (its `|` or `>` indicator), as many as
  // it holds.
  const auto text = block->node.text();
  const std::uint32_t first = block->node.line();
  return unique_line(*entry_document(*block).file, wanted, first,
                     first + static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1);
}

void ChartFolder::prefer_values_read(Finding& f, const Reads& reads, std::string_view template_path) const {
  if (reads.empty()) return;
  const std::vector<std::string> scope = chart::values_scope(dir, template_path);
  auto under_a_read = [&](const ValueEntry& e) { return chartproof::under_a_read(e, reads, scope); };
  const ValueEntry* current = nullptr;
  for (const auto& e : entries) {
    if (entry_document(e).file->path == f.value_source->file && e.node.line() == f.value_source->line &&
        e.node.column() == f.value_source->column) {
      current = &e;
    }
  }
  if (!current || under_a_read(*current)) return;
  auto keys = chart::path_keys(f.path);
  const ValueEntry* best = nullptr;
  std::size_t best_tail = 0;
  for (const auto& e : entries) {
    if (e.node.text() != current->node.text() || !under_a_read(e)) continue;
    const std::size_t tail = chart::common_tail(keys, e.keys);
    if (!best || tail > best_tail || (tail == best_tail && e.rank > best->rank)) {
      best = &e;
      best_tail = tail;
    }
  }
  if (best) f.value_source = ValueSource{entry_document(*best).file->path, best->node.line(), best->node.column()};
}

// A rendered `key: value` line that a template line reading `.Values.x` wrote as text (toYaml into
// a ConfigMap's string): the values entry under x with that key and value, in the values file that
// wins; none when two entries of that file hold it.
std::optional<SourcePosition> ChartFolder::entry_of_line(const Reads& reads, std::string_view template_path,
                                                         std::string_view rendered_line) const {
  if (reads.empty()) return std::nullopt;
  std::string_view text = trimmed(rendered_line);
  while (text.substr(0, 2) == "- ") text = trimmed(text.substr(2));
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view key = text.substr(0, colon);
  std::string_view value = trimmed(text.substr(colon + 2));
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
    value = value.substr(1, value.size() - 2);
  }
  if (value.empty()) return std::nullopt;
  const std::vector<std::string> scope = chart::values_scope(dir, template_path);
  const ValueEntry* best = nullptr;
  bool tie = false;
  for (const auto& e : entries) {
    if (e.keys.empty() || e.keys.back() != key || e.node.text() != value || !under_a_read(e, reads, scope)) continue;
    if (best && e.rank == best->rank) {
      tie = true;
    } else if (!best || e.rank > best->rank) {
      best = &e;
      tie = false;
    }
  }
  if (!best || tie) return std::nullopt;
  return SourcePosition{entry_document(*best).file->path, best->node.line(), best->node.column()};
}

// A block a template writes from values (`{{ toYaml .Values.resources | nindent 12 }}`): a finding on
// it that no scalar carries (a key the block lacks) belongs to the values entry that would hold it:
// the deepest key of the finding's path that the values have under the block's key, in the last
// values file that sets the block.
void ChartFolder::block_from_values(Finding& f, std::string_view template_text, const Reads& reads,
                                    std::string_view template_path) const {
  if (template_text.find("toYaml") == std::string_view::npos) return;
  if (reads.size() != 1 || reads.front().empty()) return;
  std::vector<std::string> keys = chart::values_scope(dir, template_path);
  keys.insert(keys.end(), reads.front().begin(), reads.front().end());
  const auto finding_keys = chart::path_keys(f.path);
  // The values files in helm's override order, last first: each -f file, the chart's values.yaml,
  // then the subcharts' own (under their key in the parent's values).
  std::vector<std::pair<const ParsedDocument*, std::size_t>> in_order;  // (file, keys its root is under)
  for (std::size_t file = values.size(); file-- > 0;) in_order.emplace_back(&values[file], 0);
  for (std::size_t file = subchart_values.size(); file-- > 0;) {
    const auto& scope = (*subchart_scopes)[file];
    if (scope.size() < keys.size() && std::equal(scope.begin(), scope.end(), keys.begin())) {
      in_order.emplace_back(&subchart_values[file], scope.size());
    }
  }
  for (const auto& [document, skipped] : in_order) {
    if (!document->tree) continue;
    Node at = document->tree->root();
    Node key;
    // One step down a mapping: its value at `k`, and the key node (where a finding goes).
    auto descend = [&](std::string_view k) {
      if (!at.is_map()) return false;
      for (std::size_t i = 0; i < at.size(); ++i) {
        if (at.key_at(i).text() != k) continue;
        key = at.key_at(i);
        at = at.value_at(i);
        return true;
      }
      return false;
    };
    bool found = true;
    for (std::size_t k = skipped; k < keys.size(); ++k) found = found && descend(keys[k]);
    if (!found) continue;
    // Below the block's key, follow the finding's path as far as the values go.
    auto last = std::find(finding_keys.rbegin(), finding_keys.rend(), std::string_view(keys.back()));
    for (auto it = last == finding_keys.rend() ? finding_keys.end() : last.base(); it != finding_keys.end(); ++it) {
      if (!descend(*it)) break;
    }
    f.value_source = ValueSource{document->file->path, key.line(), key.column()};
    return;
  }
}

// A line a template put into the render from a chart file: the line of that file with the same text
// (indentation aside), when exactly one line of the files the template line reads holds it. The
// line reads `.Files.Get "x"` (x), `.Files.Glob "p"` (`.AsConfig`: every file p matches), or
// `.Files.Get $path` (every file a Glob in the same template matches; without one, every file any
// template reads).
std::optional<SourcePosition> ChartFolder::line_of_read_file(std::uint32_t file, std::uint32_t line,
                                                             std::string_view rendered_line) const {
  const std::string_view wanted = trimmed(rendered_line);
  if (wanted.size() < 3 || file >= templates.size()) return std::nullopt;
  // The line, and the assignments of the variables it reads (`$cfg := .Files.Get "x" | fromYaml`
  // above a `toYaml $cfg`: a round trip whose lines are the file's, keys sorted).
  std::string template_text(source_map.line(file, line));
  std::vector<std::uint32_t> pending{line}, seen{line};
  while (!pending.empty() && seen.size() < 16) {  // `$cfg = merge $cfg …` assigns from another assignment
    const std::uint32_t at = pending.back();
    pending.pop_back();
    for (const std::uint32_t assignment : chart::assignments_read(source_map.template_lines[file], at)) {
      if (std::find(seen.begin(), seen.end(), assignment) != seen.end()) continue;
      seen.push_back(assignment);
      pending.push_back(assignment);
      template_text += '\n';
      template_text += source_map.line(file, assignment);
    }
  }
  if (template_text.find(".Files.") == std::string::npos) return std::nullopt;
  const std::string_view template_file = templates[file]->text;
  std::vector<std::string> paths = chart::files_read(template_text);
  std::vector<std::string> patterns = chart::files_globbed(template_text);
  const bool computed = chart::reads_computed_file(template_text);
  if (computed) {
    auto more = chart::files_globbed(template_file);
    patterns.insert(patterns.end(), more.begin(), more.end());
  }
  std::optional<SourcePosition> found;
  for (const auto& read : read_files) {
    const std::string_view rel = std::string_view(read->path).substr(std::min(read->path.size(), dir.size() + 1));
    bool reads = std::find(paths.begin(), paths.end(), rel) != paths.end();
    for (const auto& pattern : patterns) reads = reads || chart::glob_matches(pattern, std::string(rel));
    reads = reads || (computed && patterns.empty());
    if (!reads) continue;
    auto here = unique_line(*read, wanted, 0, std::numeric_limits<std::uint32_t>::max());
    if (!here) continue;
    if (found) return std::nullopt;  // two files hold it: which one is unknown
    found = here;
  }
  return found;
}

void ChartFolder::locate(Finding& f) const {
  if (!render || f.file != render->path) return;
  SourcePosition rendered{f.file, f.line, f.column};
  auto template_file = [&](std::uint32_t index) -> const SourceFile* {
    return index < templates.size() ? templates[index].get() : nullptr;
  };
  std::optional<SourcePosition> written;
  std::uint32_t written_file = 0;
  if (const SourceMap::Origin* at = source_map.at(f.line); at && template_file(at->file)) {
    // A line a round trip wrote carries the toYaml line's marker: the define line it came from.
    std::optional<SourceMap::Origin> round_trip = round_trip_origin(source_map, at->file, at->line, f.path);
    const SourceMap::Origin* o = round_trip ? &*round_trip : at;
    written_file = o->file;
    std::optional<Reads> line_reads;  // what the template line reads from values, looked up once
    auto reads_of_line = [&]() -> const Reads& {
      if (!line_reads) line_reads = reads(o->file, o->line, template_file(o->file)->path, f);
      return *line_reads;
    };
    const SourceFile& t = *template_file(o->file);
    std::string_view rendered_line = source_map.line(SourceMap::kRender, f.line);
    std::string_view template_text = source_map.line(o->file, o->line);
    written = SourcePosition{t.path, o->line, template_column(template_text, rendered_line, f.column)};
    if (o->included && template_file(o->include_file)) {
      const SourceFile& caller = *template_file(o->include_file);
      std::string_view call = source_map.line(o->include_file, o->include_line);
      std::size_t column = call.find("include");
      if (column == std::string_view::npos) column = call.find("template");
      if (column == std::string_view::npos) column = call.find("{{");
      std::size_t first = call.find_first_not_of(" \t");
      f.include_site = SourcePosition{caller.path, o->include_line,
                                      static_cast<std::uint32_t>((column != std::string_view::npos  ? column
                                                                  : first == std::string_view::npos ? 0
                                                                                                    : first) +
                                                                 1)};
    }
    // A value a template writes literally cannot come from a values file, whatever it looks like.
    if (f.value_source && !writes_action(template_text)) {
      f.value_source.reset();
    }
    if (!f.value_source && !f.value_part.empty() && writes_action(template_text)) {
      // A composed value (`{{ .Values.image.repository }}:{{ .Values.image.tag }}`): the part the
      // finding is about, where the template line reads it from.
      value_from_reads(f, f.value_part, reads_of_line(), t.path);
    }
    if (!f.value_source && f.value_part.empty() && writes_action(template_text)) {
      // A scalar the line reads from values under a key of another name (`timeoutSeconds: {{
      // .Values.probes.livenessTimeout }}`, too short to be matched by its text alone): the entry
      // the line reads that holds it.
      if (auto scalar = scalar_at(rendered_line, f.column)) value_from_reads(f, *scalar, reads_of_line(), t.path);
    }
    if (f.value_source) {
      prefer_values_read(f, reads_of_line(), t.path);
    } else if (rendered_line.substr(0, f.column > 0 ? f.column - 1 : 0).find_first_not_of(" -") ==
               std::string_view::npos) {
      // A finding on a mapping the block holds, not on a scalar (a scalar that matched no values
      // entry came from --set or a computation: its template line stays).
      block_from_values(f, template_text, reads_of_line(), t.path);
    }
    if (!f.value_source && writes_action(template_text)) {
      // A multi-line string from values, written whole (`{{ tpl .Values.extraContainers . }}`, a
      // config file in a ConfigMap): the line of that string that holds the rendered line.
      f.value_source = line_in_values_block(reads_of_line(), t.path, rendered_line);
    }
    if (!f.value_source && writes_action(template_text)) {
      // A line of a values mapping written as text (`config.yaml: |` then `{{ toYaml .Values.config
      // | nindent 4 }}`: a credential in the config): the values entry with that key and value.
      f.value_source = entry_of_line(reads_of_line(), t.path, rendered_line);
    }
  }
  f.rendered = SourcePosition{render_name(), rendered.line, rendered.column};
  if (written) {
    f.template_line = written;
    f.mapped = true;
    if (!f.value_source) {
      if (auto read =
              line_of_read_file(written_file, written->line, source_map.line(SourceMap::kRender, rendered.line))) {
        // The same place in the line: the file's line holds the rendered one after other indentation.
        const std::string_view shown = source_map.line(SourceMap::kRender, rendered.line);
        const std::size_t indent = std::min(shown.find_first_not_of(" \t"), shown.size());
        f.file = read->file;
        f.line = read->line;
        f.column = read->column +
                   (rendered.column > indent + 1 ? rendered.column - static_cast<std::uint32_t>(indent + 1) : 0);
        return;
      }
    }
    const SourcePosition& to = f.value_source ? *f.value_source : *written;
    f.file = to.file;
    f.line = to.line;
    f.column = to.column;
    return;
  }
  if (f.value_source) {
    f.file = f.value_source->file;
    f.line = f.value_source->line;
    f.column = f.value_source->column;
    f.mapped = true;
    return;
  }
  // No template line: the template file, at the line of the resource's kind, never a made-up line.
  f.mapped = false;
  f.file = template_path(f.template_name);
  f.line = 1;
  f.column = 1;
  for (const auto& t : templates) {
    if (t->path != f.file) continue;
    std::size_t kind = t->text.rfind("kind:", 0) == 0 ? 0 : t->text.find("\nkind:");
    if (!f.resource.kind.empty() && kind != std::string::npos) {
      f.line = static_cast<std::uint32_t>(
          std::count(t->text.begin(), t->text.begin() + static_cast<std::ptrdiff_t>(kind) + 1, '\n') + 1);
    }
  }
}

std::string ChartFolder::template_path(std::string_view template_name) const {
  std::filesystem::path rest;
  bool first = true;
  for (const auto& part : std::filesystem::path(template_name)) {
    if (!first) rest /= part;  // helm prefixes the chart's name, not its folder's
    first = false;
  }
  std::string path = (std::filesystem::path(dir) / rest).string();
  for (const auto& t : templates) {
    if (t->path == path) return path;
  }
  return (std::filesystem::path(dir) / "Chart.yaml").string();
}

}  // namespace chartproof
