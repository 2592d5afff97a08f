#pragma once
// Builds a Document arena from yaml-cpp parser events.

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "chartproof/node.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// Raised inside the event handler when a limit is hit; the caller turns it into a ParseIssue.
struct LimitExceeded {
  std::string message;
  int line;    ///< 0-based, relative to the chunk (as yaml-cpp marks)
  int column;  ///< 0-based
  LimitExceeded(std::string m, const YAML::Mark& mark) : message(std::move(m)), line(mark.line), column(mark.column) {}
  LimitExceeded(std::string m, int l, int c) : message(std::move(m)), line(l), column(c) {}
};

/// yaml-cpp event handler that appends nodes to a Document; one instance per document.
class DocumentBuilder : public YAML::EventHandler {
 public:
  /// `first_line` is the 1-based file line where the chunk starts.
  DocumentBuilder(std::string_view text, std::uint32_t first_line, const ParseLimits& limits);

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override;
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

  /// True once a document's root node has been completed.
  bool complete() const { return complete_; }
  /// Duplicate keys seen (reported, the document stays usable).
  std::vector<ParseIssue>& issues() { return issues_; }
  /// Hands over the finished document.
  std::shared_ptr<Document> take() { return std::move(doc_); }

 private:
  struct Frame {
    std::uint32_t node;
    std::uint32_t first_pending;  // where this container's children start in pending_
  };
  std::uint32_t add_slot(NodeType type, std::uint8_t flags, const YAML::Mark& mark, std::uint32_t a, std::uint32_t b);
  void attach(std::uint32_t node);
  void open(NodeType type, const YAML::Mark& mark, YAML::anchor_t anchor);
  void close();
  void check_duplicate_keys(std::uint32_t first, std::uint32_t count);
  void apply_merge_keys(std::uint32_t node);
  std::uint32_t copy_subtree(std::uint32_t source, std::uint32_t depth);
  void require_closing_quote(const YAML::Mark& mark) const;

  std::shared_ptr<Document> doc_;
  std::string_view text_;      // the chunk being parsed, to check what yaml-cpp lets through
  std::uint32_t line_offset_;  // 1-based line of the chunk start: yaml-cpp line 0 maps to it
  ParseLimits limits_;
  std::vector<Frame> stack_;
  std::vector<std::uint32_t> pending_;
  std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
  std::vector<bool> open_nodes_;  // per slot: still being built (an alias to it would recurse)
  std::uint32_t alias_nodes_ = 0;
  bool complete_ = false;
  std::vector<ParseIssue> issues_;
};

}  // namespace chartproof
