// boolean-key: an unquoted YAML 1.1 boolean used as a mapping key (`on:`, `yes:`, `off:`) reaches
// the API server as the key "true" or "false", not as written.
#include <vector>

#include "rules/rule_support.hpp"

namespace chartproof::rules {
namespace {

class BooleanKey : public Rule {
 public:
  explicit BooleanKey(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (!has_boolean_key(r.root)) return;
    FieldTrail trail;
    walk(r, r.root, trail, out);
  }

 private:
  static bool is_boolean_key(Node key) { return key.is_bool() && key.text() != "true" && key.text() != "false"; }

  // Almost no object has one: a scan that keeps no trail decides whether to walk.
  static bool has_boolean_key(Node root) {
    std::vector<Node> stack{root};
    while (!stack.empty()) {
      Node node = stack.back();
      stack.pop_back();
      if (node.is_map()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
          if (is_boolean_key(node.key_at(i))) return true;
          stack.push_back(node.value_at(i));
        }
      } else if (node.is_seq()) {
        for (std::size_t i = 0; i < node.size(); ++i) stack.push_back(node.item(i));
      }
    }
    return false;
  }

  // Depth is bounded by the parser's nesting limit.
  static void walk(const Resource& r, Node node, FieldTrail& trail, Reporter& out) {
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        Node key = node.key_at(i);
        trail.push_back(TrailStep{key.text(), 0, false});
        if (is_boolean_key(key)) {
          std::string becomes = key.as_bool() == true ? "true" : "false";
          out.report(r, Field{key, render_trail(trail)},
                     "key " + in_quotes(key.text()) + " is a YAML 1.1 boolean: Kubernetes receives it as the key " +
                         in_quotes(becomes) + " (quote it: \"" + std::string(key.text()) + "\":)");
        }
        walk(r, node.value_at(i), trail, out);
        trail.pop_back();
      }
    } else if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        trail.push_back(TrailStep{{}, i, true});
        walk(r, node.item(i), trail, out);
        trail.pop_back();
      }
    }
  }
};

}  // namespace

RuleDefinition boolean_key_rule() {
  return define<BooleanKey>(RuleMeta{
      .id = "boolean-key",
      .pack = "schema",
      .severity = Severity::Warning,
      .summary = "Mapping keys must not be unquoted YAML 1.1 booleans such as on, yes or off.",
      .rationale =
          "helm and kubectl read YAML as YAML 1.1 (go-yaml v2), where an unquoted `on`, `off`, `yes`, `no`, `y` "
          "or `n` is a boolean; turning the document into JSON for the API server writes a boolean key as "
          "\"true\" or \"false\" (sigs.k8s.io/yaml, convertToJSONableObject). A ConfigMap entry `on: x` is "
          "stored under the key \"true\": the object is accepted, and the application looks for `on` in vain.",
      .remediation = "Quote the key (`\"on\": x`)."});
}

}  // namespace chartproof::rules
