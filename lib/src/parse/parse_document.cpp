#include <algorithm>

#include "chartproof/parse.hpp"
#include "parse/document_builder.hpp"
#include "parse/libyaml_events.hpp"
#include "support/utf8.hpp"

namespace chartproof {
namespace {

bool has_content(std::string_view chunk) {
  std::size_t pos = 0;
  while (pos < chunk.size()) {
    std::size_t end = chunk.find('\n', pos);
    if (end == std::string_view::npos) end = chunk.size();
    std::string_view line = chunk.substr(pos, end - pos);
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      bool marker_only = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                         line.find_first_not_of(" \t\r", 3) == std::string_view::npos;
      bool marker_comment = line.substr(0, 3) == "---" &&
                            line.find_first_not_of(" \t\r", 3) != std::string_view::npos &&
                            line[line.find_first_not_of(" \t\r", 3)] == '#';
      if (!marker_only && !marker_comment) return true;
    }
    pos = end + 1;
  }
  return false;
}

// `mark` is 0-based within the chunk; unknown marks fall on the chunk's first line.
ParseIssue issue_at(std::string message, const Mark& mark, std::uint32_t first_line) {
  ParseIssue issue;
  issue.kind = ParseIssue::Kind::InvalidYaml;
  issue.message = std::move(message);
  bool known = mark.line >= 0 && mark.column >= 0;
  issue.line = known ? static_cast<std::uint32_t>(mark.line) + first_line : first_line;
  issue.column = known ? static_cast<std::uint32_t>(mark.column) + 1 : 1;
  return issue;
}

// The 0-based position just after the last character of `text` that is not a blank or a line end
// (its column in characters, as libyaml's marks count them).
Mark end_of_content(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  auto line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  std::size_t start = text.rfind('\n');
  auto column =
      static_cast<int>(support::utf8_code_points(text.substr(start == std::string_view::npos ? 0 : start + 1)));
  return Mark{line, column};
}

bool after(const Mark& a, const Mark& b) { return a.line > b.line || (a.line == b.line && a.column > b.column); }

// libyaml reports what it did not find ("did not find expected ',' or ']'", a quote never
// closed) at the end of the input, which is the next document's `---` line or past the file's
// end: where the user has to look is the construct that never ended, else the last content.
Mark where_to_look(const BuildError& e, std::string_view text) {
  Mark end = end_of_content(text);
  if (!after(e.mark, end)) return e.mark;
  if (e.context.line >= 0 && !after(e.context, end)) return e.context;
  return end;
}

// Runs the event source over `text` and fills `tree`; every failure becomes an invalid-yaml issue.
void build_tree(std::string_view text, std::uint32_t first_line, const ParseLimits& limits,
                std::shared_ptr<const Document>& tree, std::vector<ParseIssue>& issues) {
  DocumentBuilder builder(first_line, limits);
  try {
    if (parse::feed_first_document(text, first_line, builder) == parse::Rest::AnotherDocument) {
      issues.push_back(ParseIssue{ParseIssue::Kind::InvalidYaml,
                                  "more than one document without a `---` line between them", first_line, 1});
    }
  } catch (const BuildError& e) {
    issues.push_back(issue_at(e.message, where_to_look(e, text), first_line));
    return;
  }
  if (!builder.complete()) return;
  issues.insert(issues.end(), builder.issues().begin(), builder.issues().end());
  tree = builder.take();
}

}  // namespace

ParsedDocument parse_chunk(const SourceFile& file, const DocumentChunk& chunk, const ParseLimits& limits) {
  ParsedDocument doc;
  doc.file = &file;
  doc.first_line = chunk.first_line;
  doc.template_name = std::string(find_source_comment(chunk.text));
  if (!has_content(chunk.text)) return doc;
  build_tree(chunk.text, chunk.first_line, limits, doc.tree, doc.issues);
  if (doc.tree && (!doc.tree->root() || doc.tree->root().is_null())) doc.tree.reset();  // `~` alone is empty
  return doc;
}

std::vector<ParsedDocument> parse_file(const SourceFile& file, const ParseLimits& limits) {
  std::vector<ParsedDocument> docs;
  for (const auto& chunk : split_documents(file.text)) {
    ParsedDocument doc = parse_chunk(file, chunk, limits);
    if (!doc.empty()) docs.push_back(std::move(doc));
  }
  return docs;
}

std::shared_ptr<const Document> parse_single(std::string_view text, std::vector<ParseIssue>& issues,
                                             const ParseLimits& limits) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::shared_ptr<const Document> tree;
  build_tree(text, 1, limits, tree, issues);
  return tree;
}

}  // namespace chartproof
