#pragma once
/// \file
/// Typed views over parsed documents: resources, pod specs, containers, label selectors.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chartproof/node.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// What identifies a resource, as shown in findings.
struct ResourceRef {
  std::string api_version;
  std::string kind;
  std::string namespace_;
  std::string name;
};

/// What makes a finding go away when written at its field: the scalar `value` at the field's path,
/// or at keys `below` it (seccompProfile, then type: RuntimeDefault). `chartproof fix` turns it into
/// an edit of the values or template line a person edits (docs/fix.md).
struct FieldFix {
  std::vector<std::string> below;
  std::string value;
};

/// A node together with its field path from the resource root (for findings).
struct Field {
  Node node;
  std::string path;
  /// The part of a composed value the finding is about (an image's tag in `repo:tag`): in chart mode
  /// the values entry the template line reads that holds exactly it is the value's source.
  std::string part = {};
  /// Where in a multi-line scalar's text the finding is (a credential in a config file kept in a
  /// ConfigMap entry): it is reported at that line of a literal block scalar (`|`), not at the key.
  std::optional<std::size_t> offset = {};
  /// The value that fixes the finding, where a single value does (a rule's judgement otherwise).
  std::optional<FieldFix> fix = {};
  explicit operator bool() const { return static_cast<bool>(node); }
};

/// `path.key`, or `path["key"]` when the key itself contains `.`, `/` or `[` (annotation names).
std::string append_path_key(std::string path, std::string_view key);

/// `path` (append_path_key's syntax) with each list item named by the field Kubernetes merges it by
/// (strategic merge's patch merge key: containers, volumes, env by `name`, container ports by
/// `containerPort`, Service ports by `port`, volumeMounts by `mountPath`, ...) where the item has it,
/// else by its index: `spec.template.spec.containers[name=app].env[name=DB_URL].value`. An added
/// sidecar or a reordered env list leaves the paths of the other items as they were, so baselines
/// and fingerprints (finding_fingerprint) survive such edits. `root` is the resource's root.
std::string keyed_path(Node root, std::string_view path);

/// One step from a resource's root towards a node a rule walks: a mapping key or a list index.
struct TrailStep {
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;
};
/// The steps to where a walk is. A rule that walks every node keeps one and renders it into a field
/// path only when it reports: building a path string at every node costs more than the walk.
using FieldTrail = std::vector<TrailStep>;
/// `spec.containers[0].env`: the field path of a trail (append_path_key's syntax).
std::string render_trail(const FieldTrail& trail);

/// Labels of an object or pod template, in document order.
using Labels = std::vector<std::pair<std::string_view, std::string_view>>;

/// Reads a `key: value` mapping of strings (labels, annotations, a Service selector).
Labels read_string_map(Node map);
/// `app=web,tier=api` — for messages; `(none)` when empty.
std::string format_labels(const Labels& labels);

/// A Kubernetes label selector (LabelSelector or the plain-map form of Service and ReplicationController).
struct LabelSelector {
  enum class Op : std::uint8_t { In, NotIn, Exists, DoesNotExist };
  struct Requirement {
    std::string_view key;
    Op op = Op::In;
    std::vector<std::string_view> values;
  };
  Field field;  ///< where the selector is written
  Labels match_labels;
  std::vector<Requirement> expressions;
  std::string error;  ///< non-empty when the selector is malformed (unknown operator, ...)

  /// True when the selector names no label at all.
  bool empty() const { return match_labels.empty() && expressions.empty(); }
  /// Kubernetes semantics: every matchLabels pair and every expression must hold.
  bool matches(const Labels& labels) const;
  /// `app=web,tier in (a,b)` — for messages.
  std::string to_string() const;
  /// Why `labels` do not match, one phrase per failed requirement (`"tier" is "db", not "web"`).
  std::vector<std::string> mismatches(const Labels& labels) const;
};

/// Parses the LabelSelector form (matchLabels + matchExpressions).
LabelSelector parse_label_selector(Node node, std::string path);
/// Parses the plain-map form (`selector: {app: web}`).
LabelSelector parse_map_selector(Node node, std::string path);

/// What a container of the pod spec is. A native sidecar is an init container with
/// `restartPolicy: Always` (Kubernetes 1.29+): it starts before the regular containers and runs
/// beside them, so it is probed, serves ports and counts like a regular container.
enum class ContainerKind : std::uint8_t { Regular, Init, Sidecar, Ephemeral };

/// One container of a pod spec, with its path (`spec.template.spec.containers[0]`).
struct Container {
  ContainerKind kind = ContainerKind::Regular;
  std::size_t index = 0;
  std::string_view name;
  Node node;
  std::string path;
  /// `container "web"`, `init container "migrate"`, `sidecar container "proxy"` — for messages.
  std::string describe() const;
  /// A regular container or a native sidecar: it runs as long as the pod does, so probes, ports
  /// and Services apply to it (init containers run to completion before the pod is ready).
  bool long_running() const { return kind == ContainerKind::Regular || kind == ContainerKind::Sidecar; }
};

/// The pod spec of a workload (Pod, Deployment, ..., CronJob), wherever the kind keeps it.
struct PodSpec {
  Field spec;               ///< the PodSpec mapping
  Field template_metadata;  ///< metadata of the pod template (the Pod's own metadata for a Pod)
  Labels template_labels;
  std::vector<Container> containers;  ///< regular, then init (and sidecar) containers
  /// Job and CronJob pods, and Pods that do not restart: they run to completion.
  bool run_to_completion = false;
};

/// A container's securityContext field, or the pod's when the container does not set it.
Field effective_security_field(const PodSpec& pod, const Container& container, std::string_view field);

/// Kinds whose objects have no namespace.
bool is_cluster_scoped_kind(std::string_view kind);

/// One Kubernetes object of the input (a `kind: List` contributes one per item).
struct Resource {
  ResourceRef ref;
  Node root;
  Node metadata;
  const ParsedDocument* document = nullptr;
  std::size_t index = 0;  ///< position in input order
  Labels labels;
  std::optional<PodSpec> pod;
  /// The controller's own selector (spec.selector of Deployment, StatefulSet, DaemonSet, ReplicaSet,
  /// ReplicationController), parsed once.
  std::optional<LabelSelector> selector;
  /// Rule ids and pack names listed in the `chartproof.io/ignore` annotation.
  std::vector<std::string> ignored;
  /// Annotated helm.sh/hook: test (`helm test` runs it; it is not part of the release's workload):
  /// only the packs of LintOptions::helm_test_packs lint it.
  bool helm_test_hook = false;
  /// `Deployment "ns/name"` — for messages.
  std::string describe() const;
};

/// Which resources a rule setting, an exemption or a custom rule applies to. Empty lists match
/// everything; all given conditions must hold.
struct Scope {
  std::vector<std::string> namespaces;  ///< RE2 patterns matched against the whole namespace
  std::vector<std::string> kinds;       ///< exact kinds
  std::vector<std::string> names;       ///< RE2 patterns matched against the whole object name
  /// Label selector over the object's labels or (for workloads) its pod template's labels.
  std::vector<std::pair<std::string, std::string>> match_labels;
  struct Requirement {
    std::string key;
    std::string op;  ///< In, NotIn, Exists, DoesNotExist
    std::vector<std::string> values;
  };
  std::vector<Requirement> match_expressions;
  bool empty() const {
    return namespaces.empty() && kinds.empty() && names.empty() && match_labels.empty() && match_expressions.empty();
  }
};

/// Builds a resource from a document's mapping; `default_namespace` fills a missing namespace.
Resource make_resource(const ParsedDocument& doc, Node root, std::string_view default_namespace);

/// Extracts the pod spec of a workload kind; nullopt for other kinds.
std::optional<PodSpec> extract_pod_spec(std::string_view kind, Node root);

/// A Service port (typed view).
struct ServicePort {
  Field field;
  std::string_view name;
  std::optional<std::int64_t> port;
  Node target_port;  ///< number or name; absent means "same as port"
  Node node_port;
  std::string_view protocol;
};

/// The typed view of a Service.
struct ServiceView {
  std::string_view type;  ///< ClusterIP when unset
  std::optional<LabelSelector> selector;
  std::vector<ServicePort> ports;
};
ServiceView view_service(const Resource& service);

/// A backend named by an Ingress rule or its default backend.
struct IngressBackend {
  Field service;  ///< where the Service name is written (service.name, or serviceName in v1beta1)
  std::string_view service_name;
  Node port_number;
  Node port_name;
  std::string port_path;  ///< field path of the port (service.port.number|name, or servicePort)
};
std::vector<IngressBackend> view_ingress_backends(const Resource& ingress);

/// A reference from one object to another by kind and name (scaleTargetRef, volumes, ...).
struct ObjectReference {
  Field field;  ///< where the name is written (`secretRef.name`, `scaleTargetRef.name`): what to fix
  std::string_view kind;
  std::string_view name;
  bool optional = false;
};

/// The scaleTargetRef of a HorizontalPodAutoscaler.
std::optional<ObjectReference> view_hpa_target(const Resource& hpa);
/// The selector of a PodDisruptionBudget, or podSelector of a NetworkPolicy.
std::optional<LabelSelector> view_pod_selector(const Resource& resource);
/// The data entries of a ConfigMap or Secret (`data` and `stringData`/`binaryData`), with paths.
std::vector<std::pair<std::string_view, Field>> view_data_entries(const Resource& resource);
/// ConfigMaps, Secrets, ServiceAccount and PVCs that a pod spec refers to.
std::vector<ObjectReference> pod_references(const PodSpec& pod);

}  // namespace chartproof
