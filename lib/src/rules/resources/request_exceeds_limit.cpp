// request-exceeds-limit: a container requests more cpu or memory than its limit.
#include "rules/resources/resource_values.hpp"

namespace chartproof::rules {
namespace {

class RequestExceedsLimit : public Rule {
 public:
  explicit RequestExceedsLimit(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node resources = c.node.get("resources");
      for (std::string_view name : {"cpu", "memory", "ephemeral-storage"}) {
        Node request = resources.get("requests").get(name);
        Node limit = resources.get("limits").get(name);
        auto req = quantity_of(request);
        auto lim = quantity_of(limit);
        if (!req || !lim || *req <= *lim) continue;
        out.report(r, Field{request, c.path + ".resources.requests." + std::string(name)},
                   c.describe() + " requests " + std::string(name) + " " + std::string(request.text()) +
                       ", more than its limit " + std::string(limit.text()));
      }
    }
  }
};

}  // namespace

RuleDefinition request_exceeds_limit_rule() {
  return define<RequestExceedsLimit>(RuleMeta{
      .id = "request-exceeds-limit",
      .pack = "resources",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "A container's request must not exceed its limit.",
      .rationale =
          "The API server rejects a pod whose request is greater than its limit (`must be less than or equal to "
          "cpu limit`), so the Deployment's ReplicaSet never creates pods, and `helm install --wait` times out. "
          "Quantities are compared exactly as Kubernetes compares them: 500m < 1, 512Mi < 1Gi, 1e3 = 1k, 1G < 1Gi.",
      .remediation = "Lower the request or raise the limit so that request <= limit."});
}

}  // namespace chartproof::rules
