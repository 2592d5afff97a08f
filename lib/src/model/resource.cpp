#include <algorithm>
#include <array>

#include "chartproof/model.hpp"

namespace chartproof {
namespace {

constexpr std::string_view kIgnoreAnnotation = "chartproof.io/ignore";
constexpr std::string_view kHelmHookAnnotation = "helm.sh/hook";

// The items of a comma-separated annotation value, trimmed.
void split_list(std::string_view list, std::vector<std::string>& out) {
  std::size_t pos = 0;
  while (pos <= list.size()) {
    std::size_t end = list.find(',', pos);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(pos, end - pos);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    pos = end + 1;
  }
}

void add_ignored(Node metadata, std::vector<std::string>& out) {
  split_list(metadata.get("annotations").get_text(kIgnoreAnnotation), out);
}

// `helm test` runs hooks annotated test (Helm 3 and 4), or test-success / test-failure (Helm 2's,
// which Helm 3 still runs as test).
bool is_helm_test_hook(Node metadata) {
  std::vector<std::string> hooks;
  split_list(metadata.get("annotations").get_text(kHelmHookAnnotation), hooks);
  return std::any_of(hooks.begin(), hooks.end(),
                     [](const std::string& h) { return h == "test" || h == "test-success" || h == "test-failure"; });
}

}  // namespace

bool is_cluster_scoped_kind(std::string_view kind) {
  constexpr std::array kinds = {"Namespace",
                                "Node",
                                "PersistentVolume",
                                "ClusterRole",
                                "ClusterRoleBinding",
                                "CustomResourceDefinition",
                                "StorageClass",
                                "PriorityClass",
                                "IngressClass",
                                "RuntimeClass",
                                "MutatingWebhookConfiguration",
                                "ValidatingWebhookConfiguration",
                                "ValidatingAdmissionPolicy",
                                "ValidatingAdmissionPolicyBinding",
                                "APIService",
                                "CSIDriver",
                                "CSINode",
                                "VolumeAttachment",
                                "PodSecurityPolicy",
                                "CertificateSigningRequest",
                                "ClusterIssuer",
                                "FlowSchema",
                                "PriorityLevelConfiguration",
                                "ComponentStatus"};
  for (std::string_view k : kinds) {
    if (k == kind) return true;
  }
  return false;
}

std::string Resource::describe() const {
  std::string out = ref.kind.empty() ? std::string("object") : ref.kind;
  out += " \"";
  if (!ref.namespace_.empty()) out += ref.namespace_ + "/";
  out += ref.name;
  out += '"';
  return out;
}

Resource make_resource(const ParsedDocument& doc, Node root, std::string_view default_namespace) {
  Resource r;
  r.document = &doc;
  r.root = root;
  r.metadata = root.get("metadata");
  r.ref.api_version = std::string(root.get_text("apiVersion"));
  r.ref.kind = std::string(root.get_text("kind"));
  r.ref.name = std::string(r.metadata.get_text("name"));
  if (r.ref.name.empty()) r.ref.name = std::string(r.metadata.get_text("generateName"));
  r.ref.namespace_ = std::string(r.metadata.get_text("namespace"));
  if (r.ref.namespace_.empty() && !is_cluster_scoped_kind(r.ref.kind)) r.ref.namespace_ = default_namespace;
  r.labels = read_string_map(r.metadata.get("labels"));
  r.pod = extract_pod_spec(r.ref.kind, root);
  Node selector = root.get("spec").get("selector");
  if (r.pod && selector.is_map()) {
    if (r.ref.kind == "ReplicationController")
      r.selector = parse_map_selector(selector, "spec.selector");
    else if (r.ref.kind != "Job" && r.ref.kind != "CronJob" && r.ref.kind != "Pod")
      r.selector = parse_label_selector(selector, "spec.selector");
  }
  add_ignored(r.metadata, r.ignored);
  r.helm_test_hook = is_helm_test_hook(r.metadata);
  if (r.pod) add_ignored(r.pod->template_metadata.node, r.ignored);
  return r;
}

}  // namespace chartproof
