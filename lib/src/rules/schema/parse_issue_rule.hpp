#pragma once
// Rules that report what the parser found (ParseIssue), one rule per issue kind.

#include <string>

#include "chartproof/rule.hpp"

namespace chartproof::rules {

/// Reports every ParseIssue of a document whose `rule` equals this rule's id.
class ParseIssueRule : public Rule {
 public:
  explicit ParseIssueRule(std::string id) : id_(std::move(id)) {}
  void check_document(const ParsedDocument& doc, const ResourceGraph&, Reporter& out) const override {
    for (const ParseIssue& issue : doc.issues) {
      if (issue.rule == id_) out.report_document(doc, issue.line, issue.column, issue.message);
    }
  }

 private:
  std::string id_;
};

}  // namespace chartproof::rules
