#pragma once
// What the validation pack's rules share: the metadata blocks of an object the API server checks,
// and one way to word a finding from the API server's messages.
#include <string>
#include <vector>

#include "rules/rule_support.hpp"
#include "rules/validation/api_formats.hpp"

namespace chartproof::rules::validation {

/// The ObjectMeta blocks the API server validates for one object: its own metadata, a pod
/// template's (ValidatePodTemplateSpec) and a CronJob's job template's.
inline std::vector<Field> metadata_blocks(const Resource& r) {
  std::vector<Field> out{Field{r.metadata, "metadata"}};
  if (r.ref.kind == "CronJob") {
    Node m = r.root.at_path("spec.jobTemplate.metadata");
    if (m.is_map()) out.push_back(Field{m, "spec.jobTemplate.metadata"});
  }
  if (r.pod && r.pod->template_metadata.node.is_map() && !(r.pod->template_metadata.node == r.metadata)) {
    out.push_back(r.pod->template_metadata);
  }
  return out;
}

/// `what "value": message; message` — the API server's messages for a value, the value shortened.
inline std::string invalid(std::string_view what, std::string_view value, const Messages& messages) {
  std::string out = std::string(what) + " " + shown_value(value) + " is invalid: ";
  for (std::size_t i = 0; i < messages.size(); ++i) out += (i > 0 ? "; " : "") + messages[i];
  return out;
}

/// Checks a `key: value` map of labels at `path` (an object's labels, a selector's matchLabels) as
/// ValidateLabels does: qualified-name keys, label values. `what` words the key ("label",
/// "selector label"), `value_what` the value ("value of label", "selector value of").
inline void check_label_map(const Resource& r, Node labels, const std::string& path, std::string_view what,
                            std::string_view value_what, Reporter& out) {
  for (std::size_t i = 0; labels.is_map() && i < labels.size(); ++i) {
    Node key = labels.key_at(i), value = labels.value_at(i);
    std::string at = append_path_key(path, key.text());
    if (Messages m = qualified_name(key.text()); !m.empty()) {
      out.report(r, Field{key, at}, invalid(std::string(what) + " key", key.text(), m));
    }
    if (!value.is_scalar() || value.is_null()) continue;
    if (Messages m = label_value(value.text()); !m.empty()) {
      out.report(r, Field{value, at},
                 invalid(std::string(value_what) + " \"" + std::string(key.text()) + "\"", value.text(), m));
    }
  }
}

/// Calls fn(item, path) for each item of a list field (`ports`, `volumeMounts`, `env`) under `parent`
/// at `parent_path`: the path names the item by index, `spec.containers[0].ports[2]`.
template <typename Fn>
void for_each_item(Node parent, std::string_view field, const std::string& parent_path, Fn&& fn) {
  Node list = parent.get(field);
  std::string prefix = parent_path + "." + std::string(field) + "[";
  for (std::size_t i = 0; list.is_seq() && i < list.size(); ++i) fn(list.item(i), prefix + std::to_string(i) + "]");
}

/// The kinds that carry a pod template whose containers the API server (or the controller that
/// creates the pods) validates.
inline std::vector<std::string> pod_kinds() { return workload_kinds(); }

}  // namespace chartproof::rules::validation
