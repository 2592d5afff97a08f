#pragma once
/// \file
/// Parsing a stream of YAML documents (helm template output) into Documents with positions.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/node.hpp"

namespace chartproof {

/// One input: a file name as the user gave it and its whole text (kept for code frames).
struct SourceFile {
  std::string path;
  std::string text;
};

/// A problem found while reading YAML; the engine's rules turn each kind into findings.
struct ParseIssue {
  /// What is wrong: text that is not YAML (or exceeds a safety limit), or a key that repeats.
  enum class Kind : std::uint8_t { InvalidYaml, DuplicateKey };
  Kind kind = Kind::InvalidYaml;
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// Limits that keep hostile input from exhausting memory or the stack.
struct ParseLimits {
  std::uint32_t max_depth = 1000;             ///< nesting of mappings and sequences
  std::uint32_t max_alias_nodes = 1'000'000;  ///< nodes created by expanding aliases, per document
};

/// One document of a stream, parsed on its own so that a broken one cannot stop the others.
struct ParsedDocument {
  const SourceFile* file = nullptr;
  std::uint32_t first_line = 1;          ///< 1-based line where the document's text starts
  std::string template_name;             ///< from helm's `# Source:` comment, or empty
  std::shared_ptr<const Document> tree;  ///< null when the text is not valid YAML
  std::vector<ParseIssue> issues;
  /// True for a document that holds no node (comment-only or empty; helm emits them).
  bool empty() const { return tree == nullptr && issues.empty(); }
};

/// A raw slice of a stream: one document's text and where it starts.
struct DocumentChunk {
  std::string_view text;
  std::uint32_t first_line = 1;  ///< 1-based
};

/// Splits a stream at lines that start with `---` or `...` followed by a blank or the line end.
std::vector<DocumentChunk> split_documents(std::string_view text);

/// helm's `# Source: chart/templates/x.yaml` comment in a chunk, or empty.
std::string_view find_source_comment(std::string_view chunk);

/// Parses one chunk into a document (the first document it holds; more is an error).
ParsedDocument parse_chunk(const SourceFile& file, const DocumentChunk& chunk, const ParseLimits& limits = {});

/// Parses every document of a file, in order, skipping empty ones.
std::vector<ParsedDocument> parse_file(const SourceFile& file, const ParseLimits& limits = {});

/// Parses one YAML text into a single tree (for policy files and tests); issues go to `issues`.
std::shared_ptr<const Document> parse_single(std::string_view text, std::vector<ParseIssue>& issues,
                                             const ParseLimits& limits = {});

}  // namespace chartproof
