// A Go-template scanner just deep enough to tell, line by line, where actions begin and end, which
// lines write output, and which lines belong to which `define` (text/template's lexer rules:
// `{{-`/`-}}` trim markers need a space, strings and raw strings inside actions, comments).
#include "chart/instrument_template.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace chartproof::chart {
namespace {

struct LineInfo {
  std::size_t begin = 0, end = 0;  // [begin, end) in the text, without the line break
  bool has_newline = false;
  bool ends_in_action = false;     // the line break is inside an action
  bool has_literal = false;        // non-blank text outside actions
  bool has_output_action = false;  // an action that writes text ends on this line
  bool starts_with_trim = false;   // the line's first non-blank text is `{{-` (trims the break before it)
  bool ends_with_trim = false;     // the line's last non-blank text is `-}}` (trims its own break)
  int define = -1;                 // the innermost define open at the line's start
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The first word of an action's body (after `{{`, an optional `-` trim and blanks).
std::string_view first_word(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size() && is_space(body[i])) ++i;
  std::size_t start = i;
  if (i < body.size() && body[i] == '$') ++i;
  while (i < body.size() && (std::isalnum(static_cast<unsigned char>(body[i])) || body[i] == '_')) ++i;
  return body.substr(start, i - start);
}

enum class ActionKind { Output, Control, Open, OpenDefine, End };

ActionKind classify(std::string_view body) {
  std::size_t i = 0;
  while (i < body.size() && is_space(body[i])) ++i;
  if (body.substr(i, 2) == "/*") return ActionKind::Control;  // a comment
  std::string_view word = first_word(body);
  if (word == "define" || word == "block") return ActionKind::OpenDefine;
  if (word == "if" || word == "range" || word == "with") return ActionKind::Open;
  if (word == "end") return ActionKind::End;
  if (word == "else" || word == "break" || word == "continue") return ActionKind::Control;
  if (!word.empty() && word[0] == '$') {
    // `$x := …` and `$x = …` write nothing; `$x` alone prints the variable.
    std::size_t j = i + word.size();
    while (j < body.size() && is_space(body[j])) ++j;
    if (body.substr(j, 2) == ":=" || (j < body.size() && body[j] == '=' && body.substr(j, 2) != "==")) {
      return ActionKind::Control;
    }
  }
  return ActionKind::Output;
}

// The quoted name after `define` or `block` in an action's body.
std::string define_name(std::string_view body) {
  const std::size_t open = body.find('"');
  const std::size_t close = open == std::string_view::npos ? open : body.find('"', open + 1);
  return close == std::string_view::npos ? std::string() : std::string(body.substr(open + 1, close - open - 1));
}

std::vector<LineInfo> scan(std::string_view text, std::vector<DefineSpan>* spans = nullptr) {
  std::vector<LineInfo> lines;
  std::vector<int> blocks;  // open blocks: the define's number, or -1 for if/range/with
  int defines = 0;
  bool in_action = false;
  std::size_t action_start = 0;  // just after `{{`
  LineInfo line;
  auto innermost_define = [&] {
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) {
      if (*it >= 0) return *it;
    }
    return -1;
  };
  line.define = -1;
  bool line_blank_so_far = true;
  // Ends the current line at `at` (a line break, or the end of the text) and starts the next.
  auto end_line = [&](std::size_t at) {
    line.end = at;
    line.has_newline = at < text.size();
    line.ends_in_action = in_action;
    lines.push_back(line);
    line = LineInfo{};
    line.begin = at + 1;
    line.define = innermost_define();
    line_blank_so_far = !in_action;
  };
  std::size_t i = 0;
  while (i <= text.size()) {
    if (i == text.size() || text[i] == '\n') {
      end_line(i);
      if (i == text.size()) break;
      ++i;
      continue;
    }
    if (!in_action) {
      if (text.compare(i, 2, "{{") == 0) {
        in_action = true;
        if (line_blank_so_far && i + 3 < text.size() && text[i + 2] == '-' && is_space(text[i + 3])) {
          line.starts_with_trim = true;
        }
        line_blank_so_far = false;
        line.ends_with_trim = false;
        i += 2;
        action_start = i;
        continue;
      }
      if (!is_space(text[i])) {
        line.has_literal = true;
        line_blank_so_far = false;
        line.ends_with_trim = false;
      }
      ++i;
      continue;
    }
    // Inside an action: skip comments, strings and raw strings whole; they may hold `}}`.
    if (text.compare(i, 2, "/*") == 0) {
      std::size_t close = text.find("*/", i + 2);
      std::size_t stop = close == std::string_view::npos ? text.size() : close + 2;
      // A comment may span lines: record each line break it crosses.
      for (; i < stop; ++i) {
        if (text[i] == '\n') end_line(i);
      }
      continue;
    }
    char c = text[i];
    if (c == '"' || c == '\'') {
      // Interpreted strings and rune literals end at the same quote on the same line.
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != c && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
      j = std::min(j, text.size());  // a trailing backslash must not step past the end
      i = j < text.size() && text[j] == c ? j + 1 : j;
      continue;
    }
    if (c == '`') {
      std::size_t j = i + 1;
      for (; j < text.size() && text[j] != '`'; ++j) {
        if (text[j] == '\n') end_line(j);
      }
      i = j < text.size() ? j + 1 : j;
      continue;
    }
    if (text.compare(i, 2, "}}") == 0) {
      std::string_view body = text.substr(action_start, i - action_start);
      bool right_trim = i >= 2 && text[i - 1] == '-' && is_space(text[i - 2]);
      if (!body.empty() && body[0] == '-') body.remove_prefix(1);
      if (right_trim) body.remove_suffix(1);
      switch (classify(body)) {
        case ActionKind::Output:
          line.has_output_action = true;
          break;
        case ActionKind::OpenDefine:
          if (spans) {
            const auto here = static_cast<std::uint32_t>(lines.size() + 1);
            spans->push_back(DefineSpan{define_name(body), here, 0});
          }
          blocks.push_back(defines++);
          break;
        case ActionKind::Open:
          blocks.push_back(-1);
          break;
        case ActionKind::End:
          if (spans && !blocks.empty() && blocks.back() >= 0) {
            (*spans)[static_cast<std::size_t>(blocks.back())].last = static_cast<std::uint32_t>(lines.size() + 1);
          }
          if (!blocks.empty()) blocks.pop_back();
          break;
        case ActionKind::Control:
          break;
      }
      in_action = false;
      i += 2;
      line.ends_with_trim = right_trim;
      continue;
    }
    ++i;
  }
  return lines;
}

bool is_separator(std::string_view line) {
  while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
  return line.substr(0, 3) == "---" && line.find_first_not_of('-') == std::string_view::npos;
}

std::size_t indentation(std::string_view line) {
  std::size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

// Where a plain (unquoted) scalar that this line starts could continue on the next lines: the
// indentation a continuation line must exceed, or npos when the line starts none. YAML folds a
// more-indented line into a plain scalar (`description: a long\n    text`), and a comment ends it,
// so a marker must not go between the two.
std::size_t plain_scalar_indent(std::string_view line) {
  std::size_t i = indentation(line);
  std::size_t key = i;
  while (line.substr(i, 2) == "- ") {
    key = i;
    i = line.find_first_not_of(' ', i + 2);
    if (i == std::string_view::npos) return std::string_view::npos;
  }
  std::string_view rest = line.substr(i);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r')) rest.remove_suffix(1);
  if (!rest.empty() && rest.back() == ':') return std::string_view::npos;  // `key:` or `- key:` opens a block
  std::size_t colon = rest.find(": ");
  std::string_view value = rest;
  if (colon != std::string_view::npos && rest[0] != '"' && rest[0] != '\'' && rest[0] != '{' && rest[0] != '#') {
    key = i;
    value = rest.substr(colon + 2);
    value.remove_prefix(std::min(value.size(), value.find_first_not_of(' ')));
  } else if (key == i) {
    return std::string_view::npos;  // neither `key: value` nor `- value`
  }
  // A value an action writes is whole (a scalar, or a block `| nindent` puts on the next lines).
  if (value.empty() || value.substr(0, 2) == "{{") return std::string_view::npos;
  if (std::string_view("|>\"'[{&*!#%@`").find(value[0]) != std::string_view::npos) return std::string_view::npos;
  return key;
}

}  // namespace

std::string line_marker(std::uint32_t file, std::uint32_t line, bool in_define) {
  return " #@" + std::to_string(file) + ":" + std::to_string(line) + (in_define ? "d@" : "@");
}

std::string instrument_template(std::string_view text, std::uint32_t file) {
  std::vector<LineInfo> lines = scan(text);
  // Does a define's text span lines? Yes when a line of it that writes output keeps its line break:
  // the break is trimmed by a `-}}` ending the line or a `{{-` starting the next non-blank line.
  std::vector<bool> multi_line;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const LineInfo& l = lines[n];
    if (l.define < 0) continue;
    if (multi_line.size() <= static_cast<std::size_t>(l.define)) multi_line.resize(l.define + 1, false);
    if (!(l.has_literal || l.has_output_action) || !l.has_newline || l.ends_with_trim || l.ends_in_action) continue;
    std::size_t next = n + 1;
    while (next < lines.size() && !lines[next].has_literal && !lines[next].has_output_action &&
           !lines[next].starts_with_trim && !lines[next].ends_in_action && lines[next].has_newline)
      ++next;
    if (next < lines.size() && lines[next].starts_with_trim) continue;
    multi_line[l.define] = true;
  }
  // Lines followed by the continuation of a plain scalar they start (or continue) get no marker.
  std::vector<bool> continued(lines.size(), false);
  std::size_t open = std::string_view::npos;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const LineInfo& l = lines[n];
    std::string_view content = text.substr(l.begin, l.end - l.begin);
    if (l.ends_in_action || content.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::size_t indent = indentation(content);
    bool continues =
        open != std::string_view::npos && indent > open && content.substr(indent, 2) != "{{" && content[indent] != '#';
    if (!continues) open = plain_scalar_indent(content);
    if (n > 0 && continues) {
      for (std::size_t p = n; p-- > 0;) {
        if (text.substr(lines[p].begin, lines[p].end - lines[p].begin).find_first_not_of(" \t\r") !=
            std::string_view::npos) {
          continued[p] = true;
          break;
        }
      }
    }
  }
  // A line that ends a multi-line action is named by the line the action began on: that is the
  // line a person reads as the statement (`port: {{` … `}}`).
  std::vector<std::uint32_t> statement_line(lines.size());
  for (std::size_t n = 0; n < lines.size(); ++n) {
    statement_line[n] =
        n > 0 && lines[n - 1].ends_in_action ? statement_line[n - 1] : static_cast<std::uint32_t>(n + 1);
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const LineInfo& l = lines[n];
    std::string_view content = text.substr(l.begin, l.end - l.begin);
    bool carriage_return = !content.empty() && content.back() == '\r';
    if (carriage_return) content.remove_suffix(1);
    out += content;
    bool in_value_define = l.define >= 0 && (static_cast<std::size_t>(l.define) >= multi_line.size() ||
                                             !multi_line[static_cast<std::size_t>(l.define)]);
    // A line whose last action trims its own break (`{{ include "x" . -}}`) gets none either: the
    // trim would eat the marker's leading blank and glue it to the text (`name: cart#@2:13@`, a
    // value, not a comment), and its text goes on along the next line, whose marker covers it.
    if (!l.ends_in_action && (l.has_literal || l.has_output_action) && !is_separator(content) && !in_value_define &&
        !continued[n] && !l.ends_with_trim) {
      out += line_marker(file, statement_line[n], l.define >= 0);
    }
    if (carriage_return) out += '\r';
    if (l.has_newline) out += '\n';
  }
  return out;
}

std::vector<DefineSpan> define_spans(std::string_view text) {
  std::vector<DefineSpan> spans;
  const std::vector<LineInfo> lines = scan(text, &spans);
  // A define left open runs to the text's last line (not the empty one after a final line break).
  const auto last_line = static_cast<std::uint32_t>(lines.size() - (!text.empty() && text.back() == '\n' ? 1 : 0));
  for (auto& span : spans) {
    if (span.last == 0) span.last = std::max(span.first, last_line);
  }
  return spans;
}

std::string strip_line_markers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t from = 0;
  for (std::size_t at = text.find(" #@"); at != std::string_view::npos; at = text.find(" #@", at + 1)) {
    // ` #@` digits `:` digits [`d`] `@`, nothing else
    std::size_t i = at + 3;
    auto digits = [&] {
      std::size_t start = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      return i > start;
    };
    if (!digits() || i >= text.size() || text[i++] != ':' || !digits()) continue;
    if (i < text.size() && text[i] == 'd') ++i;
    if (i >= text.size() || text[i] != '@') continue;
    out += text.substr(from, at - from);
    from = i + 1;
    at = i;
  }
  out += text.substr(from);
  return out;
}

}  // namespace chartproof::chart
