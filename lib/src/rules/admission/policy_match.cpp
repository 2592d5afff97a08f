#include "rules/admission/policy_match.hpp"

#include <algorithm>
#include <cctype>

#include "model/cel_values.hpp"

namespace chartproof::rules::admission {
namespace {

std::pair<std::string, std::string> group_version(std::string_view api_version) {
  const auto slash = api_version.find('/');
  if (slash == std::string_view::npos) return {"", std::string(api_version)};
  return {std::string(api_version.substr(0, slash)), std::string(api_version.substr(slash + 1))};
}

// A list of strings holds `value` or "*".
bool lists(Node list, std::string_view value) {
  for (std::size_t i = 0; Node item = list.item(i); ++i) {
    if (item.text() == "*" || item.text() == value) return true;
  }
  return false;
}

Labels object_labels(const Resource& r) { return read_string_map(r.root.get("metadata").get("labels")); }

// One NamedRuleWithOperations: apiGroups, apiVersions, operations, resources, resourceNames, scope.
bool rule_matches(Node rule, const Resource& r) {
  const auto [group, version] = group_version(r.ref.api_version);
  if (!lists(rule.get("apiGroups"), group) || !lists(rule.get("apiVersions"), version)) return false;
  if (!lists(rule.get("operations"), "CREATE")) return false;
  const std::string resource = resource_of_kind(r.ref.kind);
  bool resource_listed = false;
  for (std::size_t i = 0; Node item = rule.get("resources").item(i); ++i) {
    // `*` and `*/*` cover every resource; `x/sub` names a subresource, which a create of x is not.
    if (item.text() == "*" || item.text() == "*/*" || item.text() == resource) resource_listed = true;
  }
  if (!resource_listed) return false;
  if (Node names = rule.get("resourceNames"); names.is_seq() && names.size() > 0 && !lists(names, r.ref.name))
    return false;
  const std::string_view scope = rule.get_text("scope");
  const bool cluster = r.ref.namespace_.empty();
  if (scope == "Cluster" && !cluster) return false;
  if (scope == "Namespaced" && cluster) return false;
  return true;
}

bool any_rule_matches(Node rules, const Resource& r) {
  for (std::size_t i = 0; Node rule = rules.item(i); ++i) {
    if (rule_matches(rule, r)) return true;
  }
  return false;
}

cel::Value string_map(std::initializer_list<std::pair<const char*, cel::Value>> entries) {
  cel::MapEntries out;
  for (const auto& [k, v] : entries) out.emplace_back(cel::Value(k), v);
  return cel::Value(std::move(out));
}

}  // namespace

std::string resource_of_kind(std::string_view kind) {
  std::string out;
  for (char c : kind) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (out.empty() || out == "endpoints") return out;
  const char before = out.size() > 1 ? out[out.size() - 2] : 'a';
  if (out.back() == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos) {
    return out.substr(0, out.size() - 1) + "ies";
  }
  if (out.back() == 's' || out.back() == 'x' || out.ends_with("ch") || out.ends_with("sh")) return out + "es";
  return out + "s";
}

NamespaceView namespace_of(const Resource& r, const RuleContext& ctx) {
  NamespaceView view;
  if (r.ref.kind == "Namespace") {  // a Namespace is matched by its own labels
    view.name = r.ref.name;
    view.labels = object_labels(r);
    view.object = &r;
    return view;
  }
  view.name = r.ref.namespace_;
  if (view.name.empty()) return view;
  if (const Resource* ns = ctx.graph.find("Namespace", "", view.name)) {
    view.object = ns;
    view.labels = object_labels(*ns);
  } else if (auto it = ctx.options.namespace_labels.find(view.name); it != ctx.options.namespace_labels.end()) {
    for (const auto& [k, v] : it->second) view.labels.emplace_back(k, v);
  }
  if (std::none_of(view.labels.begin(), view.labels.end(),
                   [](const auto& l) { return l.first == "kubernetes.io/metadata.name"; })) {
    view.labels.emplace_back("kubernetes.io/metadata.name", r.ref.kind == "Namespace" ? r.ref.name : r.ref.namespace_);
  }
  return view;
}

bool matches_resources(Node match, const Resource& r, const NamespaceView& ns, bool required) {
  if (!match.is_map()) return !required;
  Node rules = match.get("resourceRules");
  if (rules.is_seq() && rules.size() > 0) {
    if (!any_rule_matches(rules, r)) return false;
  } else if (required) {
    return false;
  }
  if (any_rule_matches(match.get("excludeResourceRules"), r)) return false;
  if (Node sel = match.get("namespaceSelector"); sel.is_map() && !ns.name.empty()) {
    if (!parse_label_selector(sel, "namespaceSelector").matches(ns.labels)) return false;
  }
  if (Node sel = match.get("objectSelector"); sel.is_map()) {
    if (!parse_label_selector(sel, "objectSelector").matches(object_labels(r))) return false;
  }
  return true;
}

std::vector<const PolicyObject*> find_params(Node param_kind, Node param_ref, const Resource& r,
                                             const std::vector<PolicyObject>& candidates) {
  std::vector<const PolicyObject*> out;
  if (!param_ref.is_map()) return out;
  const std::string_view api_version = param_kind.get_text("apiVersion");
  const std::string_view name = param_ref.get_text("name");
  const std::string_view ref_namespace = param_ref.get_text("namespace");
  Node selector = param_ref.get("selector");
  for (const PolicyObject& o : candidates) {
    if (!api_version.empty() && o.api_version != api_version) continue;
    // A namespaced param without paramRef.namespace is looked up in the namespace of the request.
    const std::string_view wanted_ns = !ref_namespace.empty() ? ref_namespace : std::string_view(r.ref.namespace_);
    if (!o.namespace_.empty() && o.namespace_ != wanted_ns) continue;
    if (!name.empty()) {
      if (o.name == name) out.push_back(&o);
    } else if (selector.is_map()) {
      if (parse_label_selector(selector, "paramRef.selector")
              .matches(read_string_map(o.root.get("metadata").get("labels")))) {
        out.push_back(&o);
      }
    }
  }
  return out;
}

cel::Bindings request_variables(const Resource& r, const NamespaceView& ns, cel::Value params) {
  const auto [group, version] = group_version(r.ref.api_version);
  cel::Bindings vars;
  vars["object"] = to_cel(r.root);
  vars["oldObject"] = cel::Value(cel::Null{});
  vars["params"] = std::move(params);
  if (ns.object) {
    vars["namespaceObject"] = to_cel(ns.object->root);
  } else if (ns.name.empty()) {
    vars["namespaceObject"] = cel::Value(cel::Null{});
  } else {
    cel::MapEntries labels;
    for (const auto& [k, v] : ns.labels) labels.emplace_back(cel::Value(std::string(k)), cel::Value(std::string(v)));
    vars["namespaceObject"] = string_map(
        {{"apiVersion", cel::Value("v1")},
         {"kind", cel::Value("Namespace")},
         {"metadata", string_map({{"name", cel::Value(ns.name)}, {"labels", cel::Value(std::move(labels))}})}});
  }
  vars["request"] = string_map({
      {"operation", cel::Value("CREATE")},
      {"kind",
       string_map({{"group", cel::Value(group)}, {"version", cel::Value(version)}, {"kind", cel::Value(r.ref.kind)}})},
      {"resource", string_map({{"group", cel::Value(group)},
                               {"version", cel::Value(version)},
                               {"resource", cel::Value(resource_of_kind(r.ref.kind))}})},
      {"name", cel::Value(r.ref.name)},
      {"namespace", cel::Value(r.ref.namespace_)},
      {"userInfo", string_map({{"username", cel::Value("")}, {"groups", cel::Value(cel::List{})}})},
      {"dryRun", cel::Value(false)},
  });
  return vars;
}

}  // namespace chartproof::rules::admission
