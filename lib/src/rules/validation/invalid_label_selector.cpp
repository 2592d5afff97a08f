// invalid-label-selector: a label selector the API server rejects: label keys and values, an
// unknown operator, values where the operator forbids them or none where it needs them, an empty
// selector on a controller.
#include <cctype>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

// A built-in kind: its `selector`, `podSelector`, `namespaceSelector` and `labelSelector` fields
// are label selectors. A custom resource's fields of those names may mean something else.
bool builtin_group(std::string_view api_version) {
  std::size_t slash = api_version.find('/');
  if (slash == std::string_view::npos) return true;
  std::string_view group = api_version.substr(0, slash);
  return group.find('.') == std::string_view::npos || group.ends_with(".k8s.io");
}

bool is_selector_key(std::string_view key) {
  return key == "selector" || key == "podSelector" || key == "namespaceSelector" || key == "labelSelector";
}

class InvalidLabelSelector : public Rule {
 public:
  explicit InvalidLabelSelector(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    // A CRD's schema names fields `selector` or `nodeSelector` without being one.
    if (!builtin_group(r.ref.api_version) || r.ref.kind == "CustomResourceDefinition") return;
    FieldTrail trail;
    walk(r, r.root, trail, out);
    std::string_view kind = r.ref.kind;
    if (kind == "Deployment" || kind == "ReplicaSet" || kind == "DaemonSet" || kind == "StatefulSet") {
      Node selector = r.root.at_path("spec.selector");
      if (selector.is_map() && selector.get("matchLabels").size() == 0 &&
          selector.get("matchExpressions").size() == 0) {
        std::string lower(kind);
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.report(r, Field{selector, "spec.selector"}, "empty selector is invalid for " + lower);
      }
    }
  }

 private:
  // The trail is rendered into a path only where a selector is found (a path string per node cost
  // more than the walk on large custom resources).
  void walk(const Resource& r, Node node, FieldTrail& trail, Reporter& out) const {
    if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        trail.push_back(TrailStep{{}, i, true});
        walk(r, node.item(i), trail, out);
        trail.pop_back();
      }
      return;
    }
    if (!node.is_map()) return;
    for (std::size_t i = 0; i < node.size(); ++i) {
      std::string_view key = node.key_at(i).text();
      Node value = node.value_at(i);
      if (key == "metadata" || key == "status") continue;  // labels are invalid-label's
      trail.push_back(TrailStep{key});
      if (key == "nodeSelector" && value.is_map()) {  // ValidatePodSpec checks it like labels
        check_labels(r, value, render_trail(trail), out);
      } else if (is_selector_key(key) && value.is_map()) {
        const bool map_form = key == "selector" && trail.size() == 2 && trail.front().key == "spec" &&
                              !trail.front().is_index &&
                              (r.ref.kind == "Service" || r.ref.kind == "ReplicationController");
        if (map_form) {
          check_labels(r, value, render_trail(trail), out);
        } else {
          check_selector(r, value, render_trail(trail), out);
        }
      } else if (value.is_map() || value.is_seq()) {
        walk(r, value, trail, out);
      }
      trail.pop_back();
    }
  }

  static void check_labels(const Resource& r, Node labels, const std::string& path, Reporter& out) {
    check_label_map(r, labels, path, "selector label", "selector value of", out);
  }

  void check_selector(const Resource& r, Node selector, const std::string& path, Reporter& out) const {
    check_labels(r, selector.get("matchLabels"), path + ".matchLabels", out);
    Node exprs = selector.get("matchExpressions");
    for (std::size_t i = 0; exprs.is_seq() && i < exprs.size(); ++i) {
      Node e = exprs.item(i);
      std::string at = path + ".matchExpressions[" + std::to_string(i) + "]";
      Node key = e.get("key");
      if (key.is_scalar() && !key.is_null()) {
        if (Messages m = qualified_name(key.text()); !m.empty()) {
          out.report(r, Field{key, at + ".key"}, invalid("selector key", key.text(), m));
        }
      }
      Node op = e.get("operator");
      Node values = e.get("values");
      std::string_view o = op.text();
      if (o == "In" || o == "NotIn") {
        if (values.size() == 0) {
          out.report(r, Field{values ? values : e, at + ".values"},
                     "values must be specified when `operator` is 'In' or 'NotIn'");
        }
      } else if (o == "Exists" || o == "DoesNotExist") {
        if (values.size() > 0) {
          out.report(r, Field{values, at + ".values"},
                     "values may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
        }
      } else if (op.is_scalar() && !op.is_null()) {
        out.report(r, Field{op, at + ".operator"},
                   "operator " + shown_value(o) +
                       " is not a valid selector operator (In, NotIn, Exists or "
                       "DoesNotExist)");
      }
      for (std::size_t k = 0; values.is_seq() && k < values.size(); ++k) {
        Node v = values.item(k);
        if (!v.is_scalar() || v.is_null()) continue;
        if (Messages m = label_value(v.text()); !m.empty()) {
          out.report(r, Field{v, at + ".values[" + std::to_string(k) + "]"}, invalid("selector value", v.text(), m));
        }
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_label_selector_rule() {
  return define<InvalidLabelSelector>(RuleMeta{
      .id = "invalid-label-selector",
      .pack = "validation",
      .severity = Severity::Error,
      .summary = "Label selectors must use valid label keys and values and the operators' value rules.",
      .rationale =
          "The API server validates label selectors (ValidateLabelSelector, ValidateLabelSelectorRequirement in "
          "k8s.io/apimachinery/pkg/apis/meta/v1/validation): matchLabels keys and values like labels, an operator "
          "of In, NotIn, Exists or DoesNotExist, values required for In and NotIn and forbidden for Exists and "
          "DoesNotExist. A Service's selector and a pod's nodeSelector are checked like labels (ValidateService, "
          "ValidatePodSpec). Deployments, ReplicaSets, "
          "DaemonSets and StatefulSets reject an empty selector (pkg/apis/apps/validation). Checked in workload "
          "selectors, PodDisruptionBudgets, NetworkPolicy peers, affinity terms and topology spread constraints "
          "of built-in kinds.",
      .remediation = "Select on the same label values the pods carry (a selector value follows the label value "
                     "rules); give In and NotIn a list of values, and Exists none."});
}

}  // namespace chartproof::rules
