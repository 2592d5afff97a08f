#pragma once
// Rules that report what the parser found: each reports the ParseIssues of one kind.

#include "chartproof/rule.hpp"

namespace chartproof::rules {

/// Reports every ParseIssue of a document that has this rule's kind.
class ParseIssueRule : public Rule {
 public:
  explicit ParseIssueRule(ParseIssue::Kind kind) : kind_(kind) {}
  void check_document(const ParsedDocument& doc, const RuleContext&, Reporter& out) const override {
    for (const ParseIssue& issue : doc.issues) {
      if (issue.kind == kind_) out.report_document(doc, issue.line, issue.column, issue.message);
    }
  }

 private:
  ParseIssue::Kind kind_;
};

}  // namespace chartproof::rules
