#include <array>

#include "chartproof/model.hpp"

namespace chartproof {
namespace {

struct PodLocation {
  std::string_view kind;
  std::string_view template_path;  // where the pod template (metadata + spec) lives; empty for Pod
  bool run_to_completion;
};

constexpr std::array kWorkloads = {
    PodLocation{"Pod", "", false},
    PodLocation{"Deployment", "spec.template", false},
    PodLocation{"StatefulSet", "spec.template", false},
    PodLocation{"DaemonSet", "spec.template", false},
    PodLocation{"ReplicaSet", "spec.template", false},
    PodLocation{"ReplicationController", "spec.template", false},
    PodLocation{"Job", "spec.template", true},
    PodLocation{"CronJob", "spec.jobTemplate.spec.template", true},
    // A PodTemplate holds a pod template for others to use; Pod Security Admission evaluates it.
    PodLocation{"PodTemplate", "template", false},
};

std::string join(std::string_view prefix, std::string_view field) {
  if (prefix.empty()) return std::string(field);
  std::string out(prefix);
  out += '.';
  out += field;
  return out;
}

}  // namespace

std::string Container::describe() const {
  std::string_view label = kind == ContainerKind::Init        ? "init container \""
                           : kind == ContainerKind::Sidecar   ? "sidecar container \""
                           : kind == ContainerKind::Ephemeral ? "ephemeral container \""
                                                              : "container \"";
  std::string out(label);
  out.append(name.empty() ? std::string_view("#") : name);
  if (name.empty()) out += std::to_string(index);
  out += '"';
  return out;
}

std::optional<PodSpec> extract_pod_spec(std::string_view kind, Node root) {
  for (const auto& loc : kWorkloads) {
    if (loc.kind != kind) continue;
    PodSpec pod;
    Node tmpl = loc.template_path.empty() ? root : root.at_path(loc.template_path);
    std::string tmpl_path(loc.template_path);
    pod.spec = Field{tmpl.get("spec"), join(tmpl_path, "spec")};
    pod.template_metadata = Field{tmpl.get("metadata"), join(tmpl_path, "metadata")};
    pod.template_labels = read_string_map(pod.template_metadata.node.get("labels"));
    pod.run_to_completion = loc.run_to_completion;
    if (kind == "Pod") {
      std::string_view restart = pod.spec.node.get_text("restartPolicy");
      pod.run_to_completion = restart == "Never" || restart == "OnFailure";
    }
    // ephemeralContainers are not containers of a manifest: the API server rejects them in a pod
    // template and on a new Pod (invalid-resource says so), so no rule lints them as containers.
    constexpr std::array lists = {std::pair{"containers", ContainerKind::Regular},
                                  std::pair{"initContainers", ContainerKind::Init}};
    for (const auto& [list_name, container_kind] : lists) {
      Node list = pod.spec.node.get(list_name);
      for (std::size_t i = 0; i < list.size(); ++i) {
        Node c = list.item(i);
        if (!c.is_map()) continue;
        ContainerKind what = container_kind == ContainerKind::Init && c.get_text("restartPolicy") == "Always"
                                 ? ContainerKind::Sidecar
                                 : container_kind;
        pod.containers.push_back(
            Container{what, i, c.get_text("name"), c, join(pod.spec.path, list_name) + "[" + std::to_string(i) + "]"});
      }
    }
    return pod;
  }
  return std::nullopt;
}

Field effective_security_field(const PodSpec& pod, const Container& container, std::string_view field) {
  Node own = container.node.get("securityContext").get(field);
  if (own && !own.is_null()) return Field{own, container.path + ".securityContext." + std::string(field)};
  Node inherited = pod.spec.node.get("securityContext").get(field);
  if (inherited && !inherited.is_null())
    return Field{inherited, pod.spec.path + ".securityContext." + std::string(field)};
  return {};
}

}  // namespace chartproof
