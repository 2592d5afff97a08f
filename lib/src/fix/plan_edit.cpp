// Where a fix goes in a file, and what it writes (plan_edit.hpp).
#include "fix/plan_edit.hpp"

#include <algorithm>

#include "chart/value_paths.hpp"
#include "support/text_line.hpp"

namespace chartproof::fix {
namespace {

// Line `number` of `text`; empty past its end (a location outside the file plans no edit).
std::string_view line_of(std::string_view text, std::uint32_t number) {
  return support::text_line(text, number).value_or(std::string_view());
}

std::size_t indentation(std::string_view line) { return std::min(line.find_first_not_of(' '), line.size()); }

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The length of the scalar token at the start of `rest`: a quoted string to its closing quote, a
// plain one to a comment or the line's end.
std::optional<std::size_t> scalar_length(std::string_view rest) {
  if (rest.empty()) return std::nullopt;
  if (rest[0] == '"' || rest[0] == '\'') {
    for (std::size_t i = 1; i < rest.size(); ++i) {
      if (rest[0] == '"' && rest[i] == '\\') {
        ++i;
        continue;
      }
      if (rest[i] == rest[0]) {
        if (rest[0] == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i + 1;
      }
    }
    return std::nullopt;
  }
  const std::size_t comment = rest.find(" #");
  return rtrim(rest.substr(0, comment)).size();
}

// `key:` or `key: …` at the start of `rest`: the key (unquoted), and what follows the colon.
std::optional<std::pair<std::string_view, std::string_view>> key_at(std::string_view rest) {
  std::size_t colon;
  std::string_view key;
  if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) {
    const std::size_t close = rest.find(rest[0], 1);
    if (close == std::string_view::npos || rest.substr(close + 1, 1) != ":") return std::nullopt;
    key = rest.substr(1, close - 1);
    colon = close + 1;
  } else {
    colon = rest.find(": ");
    if (colon == std::string_view::npos && rtrim(rest).ends_with(':')) colon = rtrim(rest).size() - 1;
    if (colon == std::string_view::npos) {
      const std::size_t comment = rest.find(" #");
      if (comment != std::string_view::npos && rtrim(rest.substr(0, comment)).ends_with(':'))
        colon = rtrim(rest.substr(0, comment)).size() - 1;
    }
    if (colon == std::string_view::npos) return std::nullopt;
    key = rest.substr(0, colon);
  }
  std::string_view after = rest.substr(colon + 1);
  const std::size_t comment = after.find(" #");
  after = rtrim(after.substr(0, comment));
  after.remove_prefix(std::min(after.size(), after.find_first_not_of(' ')));
  return std::make_pair(key, after);
}

// `value` in the quotes `token` is written in, when it has them (a person who quoted `"8080"` keeps
// the quotes: the template may rely on the value being a string), and the value needs no escape.
std::string in_quotes_of(std::string_view token, const std::string& value) {
  if (token.size() < 2 || (token[0] != '"' && token[0] != '\'')) return value;
  if (value.find(token[0]) != std::string::npos || value.find('\\') != std::string::npos) return value;
  return token[0] + value + token[0];
}

// The line of the child of the mapping on line `parent` whose key is `key` and whose value is a
// block below it (`limits:` alone); none when it has no such child.
std::optional<std::uint32_t> child_block(std::string_view text, std::uint32_t parent, std::string_view key) {
  const std::size_t parent_indent = indentation(line_of(text, parent));
  std::size_t child_indent = 0;
  for (std::uint32_t n = parent + 1;; ++n) {
    const auto next = support::text_line(text, n);
    if (!next) return std::nullopt;
    const std::string_view shown = rtrim(*next);
    if (shown.empty() || shown.substr(indentation(shown)).starts_with("#")) continue;
    if (indentation(shown) <= parent_indent) return std::nullopt;
    if (child_indent == 0) child_indent = indentation(shown);
    if (indentation(shown) != child_indent) continue;
    const auto child = key_at(shown.substr(child_indent));
    if (child && child->first == key) return child->second.empty() ? std::optional<std::uint32_t>(n) : std::nullopt;
  }
}

}  // namespace

std::vector<std::string> values_block_below(std::string_view text, std::uint32_t line) {
  const std::string_view key_line = line_of(text, line);
  for (std::uint32_t n = line + 1; n < line + 50; ++n) {
    const auto next = support::text_line(text, n);
    if (!next) break;
    if (rtrim(*next).empty()) continue;
    // The block's line is indented below the key, or is an action alone at any indentation (`{{
    // toYaml .Values.resources | indent 10 }}` at column 1: its own indent puts the block there).
    const bool child = indentation(*next) > indentation(key_line) || next->substr(indentation(*next)).starts_with("{{");
    if (!child || next->find("toYaml") == std::string_view::npos) return {};
    auto reads = chart::values_read(*next);
    if (reads.size() != 1 || reads.front().empty()) return {};
    return reads.front();
  }
  return {};
}

PlannedEdit plan_edit(const Finding& f, std::string_view text, std::string_view anchor_key) {
  if (!f.fix) return {std::nullopt, "the rule has no single value that fixes it"};
  if (!f.mapped) return {std::nullopt, "no template or values line is known for it"};
  const std::string_view line = line_of(text, f.line);
  if (f.column == 0 || f.column > line.size()) return {std::nullopt, "its location is not in the file"};
  const std::string_view rest = line.substr(f.column - 1);
  if (rest.starts_with("{{")) return {std::nullopt, "a template action computes the value: set it in values"};
  const std::string_view before = rtrim(line.substr(0, f.column - 1));
  const auto key = key_at(rest);
  const bool value_anchor = before.ends_with(':') || (before.ends_with('-') && !key);
  const std::string& value = f.fix->value;
  if (value_anchor) {
    // The offending value itself: replaced where it is written, its comment kept.
    if (!f.fix->below.empty()) return {std::nullopt, "the value is a scalar where a mapping is needed"};
    const auto length = scalar_length(rest);
    if (!length || rest.substr(0, *length).find("{{") != std::string_view::npos) {
      return {std::nullopt, "a template action writes part of the value"};
    }
    const std::string written = in_quotes_of(rest.substr(0, *length), value);
    if (rest.substr(0, *length) == written) return {std::nullopt, "the line already holds the value"};
    return {TextEdit{f.line, f.column, static_cast<std::uint32_t>(*length), written, {}}, {}};
  }
  if (!key) return {std::nullopt, "the line holds neither the value nor a key to add it under"};
  // A key (a mapping that lacks the field) or a list item's first key (the item lacks it): the keys
  // of the field's path below it are added as its first children.
  std::vector<std::string> keys;
  for (auto k : chart::path_keys(f.path)) keys.emplace_back(k);
  keys.insert(keys.end(), f.fix->below.begin(), f.fix->below.end());
  const bool item = before.ends_with('-');
  std::size_t from = keys.size();
  if (!item) {
    for (std::size_t i = keys.size(); i-- > 0;) {
      if (keys[i] == (anchor_key.empty() ? key->first : anchor_key)) {
        from = i + 1;
        break;
      }
    }
  } else {
    // The item's own keys: those after the path's last list index.
    std::size_t last_index = std::string::npos;
    std::size_t count = 0;
    for (std::size_t i = 0; i < f.path.size(); ++i) {
      if (f.path[i] == '[') last_index = count;
      if (f.path[i] == '.') ++count;
    }
    if (last_index != std::string::npos) from = last_index + 1;
  }
  if (from >= keys.size()) return {std::nullopt, "the line is not where the missing field goes"};
  // Keys of the path the mapping already has (`limits:` under `resources:`) are followed, so the
  // missing ones go in below them instead of a second `limits:`.
  std::uint32_t at = f.line;
  std::string_view line_at = line;
  while (!item && from + 1 < keys.size()) {
    const auto child = child_block(text, at, keys[from]);
    if (!child) break;
    at = *child;
    line_at = line_of(text, at);
    ++from;
  }
  std::size_t indent;
  TextEdit edit{at, 0, 0, {}, {}};
  if (item) {
    indent = f.column - 1;
  } else {
    const std::string_view value_after = at == f.line ? key->second : std::string_view();
    if (!value_after.empty() && value_after != "{}") {
      return {std::nullopt, "the mapping is written on one line (flow style or an action): edit it by hand"};
    }
    if (value_after == "{}") {
      // `resources: {}`: the braces go, the keys come below.
      const std::size_t braces = line.find("{}", f.column - 1);
      const std::size_t cut = rtrim(line.substr(0, braces)).size();
      edit.column = static_cast<std::uint32_t>(cut + 1);
      edit.length = static_cast<std::uint32_t>(braces + 2 - cut);
    }
    indent = indentation(line_at) + 2;
    // The indentation its children already have, when the next line is one of them.
    for (std::uint32_t n = at + 1; n < at + 200; ++n) {
      const auto next = support::text_line(text, n);
      if (!next) break;
      if (rtrim(*next).empty()) continue;
      if (indentation(*next) > indentation(line_at) && value_after.empty()) indent = indentation(*next);
      break;
    }
  }
  for (std::size_t i = from; i < keys.size(); ++i) {
    std::string out(indent + 2 * (i - from), ' ');
    out += keys[i] + ":";
    if (i + 1 == keys.size()) out += " " + value;
    edit.insert_after.push_back(std::move(out));
  }
  return {edit, {}};
}

}  // namespace chartproof::fix
