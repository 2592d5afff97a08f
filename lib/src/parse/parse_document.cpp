#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>

#include "chartproof/parse.hpp"
#include "parse/document_builder.hpp"
#include "parse/text_check.hpp"

namespace chartproof {
namespace {

// Lets yaml-cpp read a chunk of the file in place, without copying it into a stringstream.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

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

// `line` and `column` are 0-based within the chunk, as yaml-cpp reports them; -1 when unknown.
ParseIssue issue_at(std::string message, int line, int column, std::uint32_t first_line) {
  ParseIssue issue;
  issue.kind = ParseIssue::Kind::InvalidYaml;
  issue.message = std::move(message);
  bool known = line >= 0 && column >= 0;
  issue.line = known ? static_cast<std::uint32_t>(line) + first_line : first_line;
  issue.column = known ? static_cast<std::uint32_t>(column) + 1 : 1;
  return issue;
}

// Runs yaml-cpp over `text` and fills `out`; every failure becomes an invalid-yaml issue.
void build_tree(std::string_view text, std::uint32_t first_line, const ParseLimits& limits,
                std::shared_ptr<const Document>& tree, std::vector<ParseIssue>& issues) {
  MemoryBuffer buffer(text);
  std::istream stream(&buffer);
  DocumentBuilder builder(text, first_line, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return;
    if (!builder.complete()) return;
    DocumentBuilder extra(text, first_line, limits);
    if (parser.HandleNextDocument(extra)) {
      issues.push_back(ParseIssue{ParseIssue::Kind::InvalidYaml,
                                  "more than one document without a `---` line between them", first_line, 1});
    }
  } catch (const LimitExceeded& e) {
    issues.push_back(issue_at(e.message, e.line, e.column, first_line));
    return;
  } catch (const YAML::ParserException& e) {
    issues.push_back(issue_at("not valid YAML: " + e.msg, e.mark.line, e.mark.column, first_line));
    return;
  } catch (const std::exception& e) {
    issues.push_back(issue_at(std::string("not valid YAML: ") + e.what(), -1, -1, first_line));
    return;
  }
  issues.insert(issues.end(), builder.issues().begin(), builder.issues().end());
  tree = builder.take();
}

// yaml-cpp reports "not found" errors at the end of input, which is the next document's `---`
// line; the last line with content of this document is where the user has to look.
void clamp_to_chunk(const DocumentChunk& chunk, std::vector<ParseIssue>& issues) {
  std::string_view text = chunk.text;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  auto last_line = chunk.first_line + static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n'));
  std::size_t start = text.rfind('\n');
  auto last_column = static_cast<std::uint32_t>(text.size() - (start == std::string_view::npos ? 0 : start + 1)) + 1;
  for (auto& issue : issues) {
    if (issue.line > last_line || (issue.line == last_line && issue.column > last_column)) {
      issue.line = last_line;
      issue.column = last_column;
    }
  }
}

}  // namespace

ParsedDocument parse_chunk(const SourceFile& file, const DocumentChunk& chunk, const ParseLimits& limits) {
  ParsedDocument doc;
  doc.file = &file;
  doc.first_line = chunk.first_line;
  doc.template_name = std::string(find_source_comment(chunk.text));
  if (!has_content(chunk.text)) return doc;
  if (auto bad = parse::find_bad_character(chunk.text)) {
    std::string_view before = chunk.text.substr(0, bad->offset);
    auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    auto column = static_cast<int>(bad->offset - (line_start == std::string_view::npos ? 0 : line_start + 1));
    doc.issues.push_back(issue_at("not valid YAML: " + bad->what, line, column, chunk.first_line));
    return doc;
  }
  build_tree(chunk.text, chunk.first_line, limits, doc.tree, doc.issues);
  clamp_to_chunk(chunk, doc.issues);
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
