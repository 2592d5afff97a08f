// invalid-quantity: a resource value that is not a Kubernetes quantity.
#include "rules/resources/resource_values.hpp"

namespace chartproof::rules {
namespace {

class InvalidQuantity : public Rule {
 public:
  explicit InvalidQuantity(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (r.pod) {
      for (const auto& v : container_resource_values(*r.pod)) {
        check_value(r, v.field, v.container->describe() + " " + v.section + "." + v.name, out);
      }
      Node volumes = r.pod->spec.node.get("volumes");
      for (std::size_t i = 0; i < volumes.size(); ++i) {
        Node limit = volumes.item(i).get("emptyDir").get("sizeLimit");
        if (limit) {
          check_value(r, Field{limit, r.pod->spec.path + ".volumes[" + std::to_string(i) + "].emptyDir.sizeLimit"},
                      "emptyDir sizeLimit of volume " + in_quotes(volumes.item(i).get_text("name")), out);
        }
      }
    }
    if (r.ref.kind == "PersistentVolumeClaim") {
      for (std::string_view section : {"requests", "limits"}) {
        Node map = r.root.get("spec").get("resources").get(section);
        for (std::size_t i = 0; i < map.size(); ++i) {
          std::string name(map.key_at(i).text());
          check_value(r, Field{map.value_at(i), "spec.resources." + std::string(section) + "." + name},
                      "claim " + std::string(section) + "." + name, out);
        }
      }
    }
  }

 private:
  static void check_value(const Resource& r, const Field& f, const std::string& what, Reporter& out) {
    if (f.node.is_null() || quantity_of(f.node)) return;
    std::string shown = f.node.is_scalar() ? "\"" + std::string(f.node.text()) + "\""
                                           : "a " + std::string(node_type_name(f.node.type()));
    out.report(r, f, what + " is " + shown + ", not a Kubernetes quantity (e.g. 500m, 1.5, 256Mi, 1Gi)");
  }
};

}  // namespace

RuleDefinition invalid_quantity_rule() {
  return define<InvalidQuantity>(RuleMeta{
      .id = "invalid-quantity",
      .pack = "resources",
      .severity = Severity::Error,
      .summary = "Resource values must be Kubernetes quantities.",
      .rationale =
          "The API server rejects `512MB`, `1 Gi`, `0.5cores` or `2GB`: a quantity is a number with an optional "
          "binary suffix (Ki, Mi, Gi, Ti, Pi, Ei), decimal suffix (n, u, m, k, M, G, T, P, E) or exponent (1e3). "
          "`MB` is not `M` and `mi` is not `Mi`. Checked: container requests and limits, emptyDir sizeLimit, and "
          "PersistentVolumeClaim requests and limits.",
      .remediation = "Write the value as a quantity: `512Mi` (not 512MB), `500m` or `0.5` for half a CPU."});
}

}  // namespace chartproof::rules
