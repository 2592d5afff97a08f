// duplicate-resource: the same object (group, kind, namespace, name) appears twice.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

std::string_view api_group(std::string_view api_version) {
  std::size_t slash = api_version.find('/');
  return slash == std::string_view::npos ? std::string_view() : api_version.substr(0, slash);
}

class DuplicateResource : public Rule {
 public:
  explicit DuplicateResource(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    if (r.ref.kind.empty() || r.ref.name.empty()) return;
    for (const Resource* other : graph.same_name(r.ref.kind, r.ref.namespace_, r.ref.name)) {
      if (other->index >= r.index) break;  // report the later copies, once each
      if (api_group(other->ref.api_version) != api_group(r.ref.api_version)) continue;
      std::string where = other->document->file ? other->document->file->path + ":" + std::to_string(other->root.line())
                                                : std::string("earlier");
      out.report(r, Field{r.metadata.get("name") ? r.metadata.get("name") : r.root, "metadata.name"},
                 r.describe() + " is defined twice (first at " + where + ")");
      return;
    }
  }
};

}  // namespace

RuleDefinition duplicate_resource_rule() {
  return define<DuplicateResource>(RuleMeta{
      .id = "duplicate-resource",
      .pack = "selectors",
      .severity = Severity::Error,
      .summary = "An object must be defined only once.",
      .rationale =
          "Two documents with the same API group, kind, namespace and name make `helm install` fail (the second "
          "create conflicts) or, with `kubectl apply`, the second silently overwrites the first. It happens when "
          "two templates compute the same fullname, or a subchart and its parent both create an object. The "
          "version in apiVersion does not matter (apps/v1 and apps/v1beta2 are the same object).",
      .remediation = "Rename one of the objects or remove the duplicate template."});
}

}  // namespace chartproof::rules
