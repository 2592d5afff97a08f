// duplicate-key: a mapping key written twice; the API server silently keeps one value.
#include "rules/rule_support.hpp"
#include "rules/schema/parse_issue_rule.hpp"

namespace chartproof::rules {
namespace {

class DuplicateKey : public ParseIssueRule {
 public:
  explicit DuplicateKey(const Params&) : ParseIssueRule(ParseIssue::Kind::DuplicateKey) {}
};

}  // namespace

RuleDefinition duplicate_key_rule() {
  return define<DuplicateKey>(RuleMeta{
      .id = "duplicate-key",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "A mapping must not contain the same key twice.",
      .rationale =
          "YAML forbids duplicate keys, but the Kubernetes decoder keeps the last value without a word, so one "
          "of two `env:` blocks or two `resources:` blocks silently disappears. In charts this usually comes "
          "from a template that emits a field which the values also inject.",
      .remediation = "Remove one of the two keys, or merge their contents; reported at the second occurrence.",
      .subject = RuleSubject::Document});
}

}  // namespace chartproof::rules
