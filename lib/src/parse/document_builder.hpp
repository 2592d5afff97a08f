#pragma once
// Builds a Document arena from a stream of YAML parser events (lib/src/parse/libyaml_events.cpp
// feeds it libyaml's); one instance per document.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chartproof/node.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// A position in the chunk being parsed, 0-based as libyaml marks it.
struct Mark {
  int line = -1;    ///< -1 when unknown
  int column = -1;  ///< in characters
};

/// Raised while building when the text cannot become a tree (a limit, a bad alias, a libyaml
/// error); the caller turns it into a ParseIssue.
struct BuildError {
  std::string message;
  Mark mark;
  Mark context;  ///< where the construct being read started (libyaml's context mark), if known
};

class DocumentBuilder {
 public:
  /// `first_line` is the 1-based file line where the chunk starts.
  DocumentBuilder(std::uint32_t first_line, const ParseLimits& limits);

  /// A scalar; `plain` is an unquoted, non-block scalar (the only kind that resolves to a number,
  /// a boolean or null). `tag` is the resolved tag (`tag:yaml.org,2002:str`) or empty.
  void scalar(const Mark& mark, std::string_view anchor, std::string_view tag, std::string_view value, bool plain);
  void alias(const Mark& mark, std::string_view anchor);
  /// Opens a mapping or a sequence; `end()` closes the innermost one.
  void start(NodeType type, const Mark& mark, std::string_view anchor);
  void end();

  /// True once a document's root node has been completed.
  bool complete() const { return complete_; }
  /// Duplicate keys seen (reported, the document stays usable).
  std::vector<ParseIssue>& issues() { return issues_; }
  /// Hands over the finished document, its arrays trimmed to their size (every document of a
  /// lint stays in memory until the report is written; doubling growth would leave up to half
  /// of each array unused).
  std::shared_ptr<Document> take();

 private:
  struct Frame {
    std::uint32_t node;
    std::uint32_t first_pending;  // where this container's children start in pending_
  };
  std::uint32_t add_slot(NodeType type, std::uint8_t flags, const Mark& mark, std::uint32_t a, std::uint32_t b);
  void attach(std::uint32_t node);
  void name_anchor(std::string_view anchor, std::uint32_t node);
  void check_duplicate_keys(std::uint32_t first, std::uint32_t count);
  void apply_merge_keys(std::uint32_t node);
  std::uint32_t copy_subtree(std::uint32_t source, std::uint32_t depth);
  Mark mark_of(std::uint32_t node) const;

  std::shared_ptr<Document> doc_;
  std::uint32_t line_offset_;  // 1-based line of the chunk start: libyaml's line 0 maps to it
  ParseLimits limits_;
  std::vector<Frame> stack_;
  std::vector<std::uint32_t> pending_;
  // A later anchor of the same name replaces the earlier one, as in go-yaml.
  std::unordered_map<std::string, std::uint32_t> anchors_;
  std::vector<bool> open_nodes_;  // per slot: still being built (an alias to it would recurse)
  std::uint32_t alias_nodes_ = 0;
  bool complete_ = false;
  std::vector<ParseIssue> issues_;
};

}  // namespace chartproof
