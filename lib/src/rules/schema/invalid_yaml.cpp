// invalid-yaml: a document that YAML cannot read (or that exceeds the parser's safety limits).
#include "rules/rule_support.hpp"
#include "rules/schema/parse_issue_rule.hpp"

namespace chartproof::rules {
namespace {

class InvalidYaml : public ParseIssueRule {
 public:
  explicit InvalidYaml(const Params&) : ParseIssueRule(ParseIssue::Kind::InvalidYaml) {}
};

}  // namespace

RuleDefinition invalid_yaml_rule() {
  return define<InvalidYaml>(RuleMeta{
      .id = "invalid-yaml",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "Every document must be valid YAML.",
      .rationale =
          "kubectl and helm refuse the whole release when one document does not parse. chartproof reports the "
          "document at the parser's line and column and goes on with the others. Documents that nest deeper "
          "than 1,000 levels or whose aliases expand to more than a million nodes (an alias bomb) are reported "
          "here too instead of exhausting memory or the stack.",
      .remediation = "Fix the YAML at the reported position; in a chart, look at the template named by `# Source:` "
                     "(indentation of `toYaml` output with `nindent` is the usual cause).",
      .subject = RuleSubject::Document});
}

}  // namespace chartproof::rules
