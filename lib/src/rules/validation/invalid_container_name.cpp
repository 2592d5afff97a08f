// invalid-container-name: a container name that is not a DNS-1123 label, or not unique in its pod.
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidContainerName : public Rule {
 public:
  explicit InvalidContainerName(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    std::set<std::string_view> seen;
    for (const Container& c : r.pod->containers) {
      Node name = c.node.get("name");
      if (!name.is_scalar() || name.text().empty()) continue;  // a missing name is schema-violation's
      Field at{name, c.path + ".name"};
      if (Messages m = dns1123_label(name.text()); !m.empty()) {
        out.report(r, at, invalid("container name", name.text(), m));
      }
      if (!seen.insert(name.text()).second) {
        out.report(r, at,
                   "container name " + shown_value(name.text()) +
                       " is used twice in the pod (Duplicate value); names must be unique across containers and "
                       "init containers");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_container_name_rule() {
  return define<InvalidContainerName>(RuleMeta{
      .id = "invalid-container-name",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Container names must be DNS-1123 labels, unique across a pod's containers and init containers.",
      .rationale =
          "The API server validates each container's name as a DNS-1123 label (lowercase alphanumerics and `-`, "
          "at most 63) and rejects a name used twice among containers, init containers and ephemeral containers "
          "(validateContainers, validateInitContainers in pkg/apis/core/validation/validation.go). A sidecar added "
          "from values with the main container's name, or a name built from a release name, is the usual cause. "
          "For a StatefulSet the API server accepts the template and its controller then fails to create pods.",
      .remediation = "Give each container its own lowercase name of at most 63 characters."});
}

}  // namespace chartproof::rules
