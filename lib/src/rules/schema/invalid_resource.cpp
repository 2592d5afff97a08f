// invalid-resource: a document that is YAML but not a Kubernetes object.
#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class InvalidResource : public Rule {
 public:
  explicit InvalidResource(const Params&) {}

  void check_document(const ParsedDocument& doc, const RuleContext& ctx, Reporter& out) const override {
    const ResourceGraph& graph = ctx.graph;
    for (const auto& bad : graph.non_objects()) {
      if (bad.document == &doc) out.report_document(doc, bad.node.line(), bad.node.column(), bad.problem);
    }
  }

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (std::string_view field : {"apiVersion", "kind"}) {
      Node value = r.root.get(field);
      if (!value.is_string() || value.text().empty()) {
        out.report(r, Field{value ? value : r.root, std::string(field)},
                   value ? std::string(field) + " must be a non-empty string, not " + describe(value)
                         : "object has no " + std::string(field));
      }
    }
    // ValidatePodTemplateSpec forbids ephemeral containers in a pod template, and a new Pod may not
    // have them either: they are added to a running pod (`kubectl debug`), never in a manifest.
    if (r.pod) {
      Node ephemeral = r.pod->spec.node.get("ephemeralContainers");
      if (ephemeral.size() > 0) {
        out.report(r, Field{ephemeral, r.pod->spec.path + ".ephemeralContainers"},
                   "ephemeralContainers cannot be set in a manifest: the API server rejects them in a pod template "
                   "and on a new Pod (they are added to a running pod with `kubectl debug`)");
      }
    }
    if (!r.metadata.is_map()) {
      out.report(r, Field{r.metadata ? r.metadata : r.root, "metadata"},
                 r.metadata ? "metadata must be a mapping, not " + describe(r.metadata) : "object has no metadata");
      return;
    }
    if (r.pod) check_pod_shape(r, out);
    Node name = r.metadata.get("name");
    Node generate = r.metadata.get("generateName");
    if (!(name.is_string() && !name.text().empty()) && !(generate.is_string() && !generate.text().empty())) {
      out.report(
          r, Field{name ? name : r.metadata, "metadata.name"},
          name ? "metadata.name must be a non-empty string, not " + describe(name) : "object has no metadata.name");
    }
  }

 private:
  // The shapes every rule relies on: without them a workload silently escapes all pod checks.
  static void check_pod_shape(const Resource& r, Reporter& out) {
    const Field& spec = r.pod->spec;
    if (!spec.node.is_map()) {
      out.report(r, Field{spec.node ? spec.node : r.root, spec.path},
                 spec.node ? spec.path + " must be a mapping (the pod spec), not " + describe(spec.node)
                           : r.ref.kind + " has no pod spec at " + spec.path);
      return;
    }
    Node containers = spec.node.get("containers");
    std::string path = spec.path + ".containers";
    if (!containers.is_seq() || containers.size() == 0) {
      out.report(r, Field{containers ? containers : spec.node, path},
                 containers.is_seq() ? path + " is empty; a pod needs at least one container"
                 : containers        ? path + " must be a list of containers, not " + describe(containers)
                                     : "pod spec has no containers");
      return;
    }
    for (std::size_t i = 0; i < containers.size(); ++i) {
      Node c = containers.item(i);
      if (!c.is_map()) {
        out.report(r, Field{c, path + "[" + std::to_string(i) + "]"},
                   "container " + std::to_string(i) + " must be a mapping, not " + describe(c));
      }
    }
  }

  static std::string describe(Node n) {
    if (n.is_string()) return n.text().empty() ? "an empty string" : "a string";
    return n.type() == NodeType::Int ? "an integer" : "a " + std::string(node_type_name(n.type()));
  }
};

}  // namespace

RuleDefinition invalid_resource_rule() {
  return define<InvalidResource>(RuleMeta{
      .id = "invalid-resource",
      .pack = "schema",
      .severity = Severity::Error,
      .summary = "Every document must be a Kubernetes object with apiVersion, kind and metadata.name.",
      .rationale = "The API server identifies an object by apiVersion, kind, namespace and name; a document without "
                   "them (or one that is a bare string or list, often a template that rendered a stray value) makes "
                   "`helm install` fail with an error that does not say where. `ephemeralContainers` in a pod template "
                   "are rejected too (ValidatePodTemplateSpec: \"ephemeral containers not allowed in pod template\"), "
                   "as on a new Pod.",
      .remediation = "Give the document `apiVersion`, `kind` and `metadata.name`, or make the template render nothing "
                     "when it has nothing to emit.",
      .subject = RuleSubject::Resource | RuleSubject::Document});
}

}  // namespace chartproof::rules
