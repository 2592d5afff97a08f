// invalid-label: a label key or value the API server rejects (ValidateLabels).
#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidLabel : public Rule {
 public:
  explicit InvalidLabel(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Field& meta : metadata_blocks(r)) {
      check_label_map(r, meta.node.get("labels"), meta.path + ".labels", "label", "value of label", out);
    }
  }
};

}  // namespace

RuleDefinition invalid_label_rule() {
  return define<InvalidLabel>(RuleMeta{
      .id = "invalid-label",
      .pack = "validation",
      .severity = Severity::Error,
      .summary = "Label keys and values must have the format the API server requires.",
      .rationale =
          "The API server validates every label of an object and of its pod template (ValidateLabels in "
          "k8s.io/apimachinery/pkg/apis/meta/v1/validation): a key is a qualified name, an optional DNS "
          "subdomain prefix of at most 253 characters and `/`, then a name of at most 63 characters of "
          "`[-A-Za-z0-9_.]` that starts and ends alphanumeric (IsQualifiedName); a value is empty or such a "
          "name (IsValidLabelValue). A value with a space, a `:` from an image tag, a `+` from a SemVer build or "
          "64 characters from a long release name makes `helm install` fail.",
      .remediation = "Shorten the value to 63 characters (`trunc 63 | trimSuffix \"-\"`), and replace characters "
                     "outside `[-A-Za-z0-9_.]` (`replace \"+\" \"_\"` for a chart version)."});
}

}  // namespace chartproof::rules
