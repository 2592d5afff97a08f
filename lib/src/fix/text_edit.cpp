// Line edits and their unified diff (text_edit.hpp).
#include "fix/text_edit.hpp"

#include <algorithm>

namespace chartproof::fix {
namespace {

// The lines of a text, without their breaks; whether the text ends in one.
std::vector<std::string_view> lines_of(std::string_view text, bool& final_newline) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  final_newline = !text.empty() && text.back() == '\n';
  return out;
}

}  // namespace

std::optional<TextEdit> merge_edits(const TextEdit& a, const TextEdit& b) {
  if (a == b) return a;
  if (a.line != b.line || a.column != b.column || a.length != b.length || a.replacement != b.replacement) {
    return std::nullopt;
  }
  // b's lines are one chain of keys (`resources:`, `  limits:`, `    cpu: 1`): each key that a
  // already has at that place is followed into its children; the rest of the chain goes in at the
  // end of the children of the last key shared. A leaf both set to different values clashes.
  auto indent = [](std::string_view line) { return std::min(line.find_first_not_of(' '), line.size()); };
  auto key_of = [](std::string_view line) {
    return line.ends_with(':') ? line.substr(0, line.size() - 1) : line.substr(0, line.find(": "));
  };
  auto end_of_children = [&](std::size_t parent, std::size_t limit) {
    std::size_t k = parent + 1;
    while (k < limit && indent(a.insert_after[k]) > indent(a.insert_after[parent])) ++k;
    return k;
  };
  std::size_t lo = 0;
  std::size_t hi = a.insert_after.size();
  std::size_t i = 0;
  for (; i < b.insert_after.size(); ++i) {
    const std::string& line = b.insert_after[i];
    std::size_t found = hi;
    for (std::size_t k = lo; k < hi; ++k) {
      if (indent(a.insert_after[k]) == indent(line) && key_of(a.insert_after[k]) == key_of(line)) {
        found = k;
        break;
      }
    }
    if (found == hi) break;
    if (line.ends_with(':') != a.insert_after[found].ends_with(':')) return std::nullopt;  // a mapping and a value
    if (!line.ends_with(':')) {
      if (a.insert_after[found] != line) return std::nullopt;  // one key, two values
      return a;
    }
    lo = found + 1;
    hi = end_of_children(found, hi);
  }
  TextEdit out = a;
  out.insert_after.insert(out.insert_after.begin() + static_cast<std::ptrdiff_t>(hi),
                          b.insert_after.begin() + static_cast<std::ptrdiff_t>(i), b.insert_after.end());
  return out;
}

std::optional<std::string> apply_edits(std::string_view text, std::vector<TextEdit> edits) {
  bool final_newline = false;
  const auto lines = lines_of(text, final_newline);
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.line < b.line; });
  for (std::size_t i = 0; i < edits.size(); ++i) {
    if (edits[i].line == 0 || edits[i].line > lines.size()) return std::nullopt;
    if (i > 0 && edits[i].line == edits[i - 1].line) return std::nullopt;
    const std::string_view line = lines[edits[i].line - 1];
    if (edits[i].column > 0 && edits[i].column - 1 + edits[i].length > line.size()) return std::nullopt;
  }
  std::string out;
  out.reserve(text.size() + 64 * edits.size());
  std::size_t next = 0;
  for (std::size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    const TextEdit* edit = next < edits.size() && edits[next].line == n + 1 ? &edits[next++] : nullptr;
    if (edit && edit->column > 0) {
      out += line.substr(0, edit->column - 1);
      out += edit->replacement;
      out += line.substr(edit->column - 1 + edit->length);
    } else {
      out += line;
    }
    if (n + 1 < lines.size() || final_newline || (edit && !edit->insert_after.empty())) out += '\n';
    if (edit) {
      for (std::size_t k = 0; k < edit->insert_after.size(); ++k) {
        out += edit->insert_after[k];
        if (n + 1 < lines.size() || final_newline || k + 1 < edit->insert_after.size()) out += '\n';
      }
    }
  }
  return out;
}

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  bool before_newline = false, after_newline = false;
  const auto a = lines_of(before, before_newline);
  const auto b = lines_of(after, after_newline);
  // The longest common subsequence of lines, by dynamic programming over the region that differs:
  // fixes change a few lines of a file, so the common head and tail are cut off first.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // Ops over the whole files: ' ' kept, '-' removed, '+' added, with indexes into a and b.
  struct Op {
    char kind;
    std::size_t ai, bi;
  };
  std::vector<Op> ops;
  for (std::size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  if (n * m <= 4'000'000) {
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        ops.push_back({' ', head + i++, head + j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push_back({'-', head + i++, head + j});  // removals first, as diff -u shows them
      } else {
        ops.push_back({'+', head + i, head + j++});
      }
    }
  } else {  // too large a region to align: all of it replaced
    for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', head + i, head});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', head + n, head + j});
  }
  for (std::size_t k = 0; k < tail; ++k) ops.push_back({' ', head + n + k, head + m + k});
  // git's a/ and b/ prefixes for a relative path; an absolute one as it is.
  const bool relative = !path.starts_with('/');
  std::string out = (relative ? "--- a/" : "--- ") + std::string(path) + "\n" + (relative ? "+++ b/" : "+++ ") +
                    std::string(path) + "\n";
  constexpr std::size_t kContext = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    // A hunk: from kContext kept lines before the first change to kContext after the last change
    // that is followed by fewer than 2*kContext kept lines before the next.
    const std::size_t start = k >= kContext ? k - kContext : 0;
    std::size_t end = k;
    while (end < ops.size()) {
      std::size_t kept = 0;
      while (end + kept < ops.size() && ops[end + kept].kind == ' ') ++kept;
      if (end + kept == ops.size() || kept > 2 * kContext) {
        end = std::min(ops.size(), end + std::min(kept, kContext));
        break;
      }
      end += kept;
      while (end < ops.size() && ops[end].kind != ' ') ++end;
    }
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t q = start; q < end; ++q) {
      a_count += ops[q].kind != '+';
      b_count += ops[q].kind != '-';
    }
    const std::size_t a_start = a_count == 0 ? ops[start].ai : ops[start].ai + 1;
    const std::size_t b_start = b_count == 0 ? ops[start].bi : ops[start].bi + 1;
    out += "@@ -" + std::to_string(a_start) + "," + std::to_string(a_count) + " +" + std::to_string(b_start) + "," +
           std::to_string(b_count) + " @@\n";
    for (std::size_t q = start; q < end; ++q) {
      const Op& op = ops[q];
      out += op.kind;
      out += op.kind == '+' ? b[op.bi] : a[op.ai];
      out += '\n';
      const bool last_a = op.kind != '+' && op.ai + 1 == a.size() && !before_newline;
      const bool last_b = op.kind != '-' && op.bi + 1 == b.size() && !after_newline;
      if (last_a || last_b) out += "\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

}  // namespace chartproof::fix
