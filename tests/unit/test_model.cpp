// The model and graph: pod specs of every workload kind, security context, selectors, List, namespaces.
#include <doctest/doctest.h>

#include "chartproof/graph.hpp"
#include "test_support.hpp"

using namespace chartproof;

namespace {

std::shared_ptr<const Input> load(const std::string& text, const std::string& ns = "default") {
  LintOptions o;
  o.default_namespace = ns;
  std::vector<SourceFile> files{SourceFile{"m.yaml", text}};
  return load_input(std::move(files), o);
}

}  // namespace

TEST_CASE("pod specs are found for every workload kind") {
  const char* containers = "containers: [{name: c}]\n";
  struct Case {
    const char* kind;
    std::string yaml;
    const char* spec_path;
    bool batch;
  };
  std::string t = std::string("{metadata: {labels: {app: x}}, spec: {") +
                  "initContainers: [{name: i}, {name: s, restartPolicy: Always}], " +
                  "ephemeralContainers: [{name: e}], containers: [{name: c}]}}";
  std::vector<Case> cases = {
      {"Deployment", "spec: {template: " + t + "}", "spec.template.spec", false},
      {"StatefulSet", "spec: {template: " + t + "}", "spec.template.spec", false},
      {"DaemonSet", "spec: {template: " + t + "}", "spec.template.spec", false},
      {"ReplicaSet", "spec: {template: " + t + "}", "spec.template.spec", false},
      {"ReplicationController", "spec: {template: " + t + "}", "spec.template.spec", false},
      {"Job", "spec: {template: " + t + "}", "spec.template.spec", true},
      {"CronJob", "spec: {jobTemplate: {spec: {template: " + t + "}}}", "spec.jobTemplate.spec.template.spec", true},
  };
  (void)containers;
  for (const auto& c : cases) {
    CAPTURE(c.kind);
    auto input = load(std::string("apiVersion: v1\nkind: ") + c.kind + "\nmetadata: {name: w}\n" + c.yaml + "\n");
    const Resource& r = input->graph.resources().at(0);
    REQUIRE(r.pod);
    CHECK(r.pod->spec.path == c.spec_path);
    CHECK(r.pod->run_to_completion == c.batch);
    REQUIRE(r.pod->containers.size() == 3);  // ephemeral containers are not linted as containers
    CHECK(r.pod->containers[0].kind == ContainerKind::Regular);
    CHECK(r.pod->containers[0].path == std::string(c.spec_path) + ".containers[0]");
    CHECK(r.pod->containers[1].kind == ContainerKind::Init);
    CHECK(r.pod->containers[1].path == std::string(c.spec_path) + ".initContainers[0]");
    CHECK_FALSE(r.pod->containers[1].long_running());
    // restartPolicy: Always makes an init container a native sidecar (Kubernetes 1.29+).
    CHECK(r.pod->containers[2].kind == ContainerKind::Sidecar);
    CHECK(r.pod->containers[2].long_running());
    CHECK(r.pod->containers[2].describe() == "sidecar container \"s\"");
    CHECK(r.pod->containers[2].path == std::string(c.spec_path) + ".initContainers[1]");
    CHECK(r.pod->template_labels.size() == 1);
  }
  auto pod = load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\n"
      "spec: {restartPolicy: Never, containers: [{name: c}]}\n");
  const Resource& p = pod->graph.resources().at(0);
  REQUIRE(p.pod);
  CHECK(p.pod->spec.path == "spec");
  CHECK(p.pod->run_to_completion);
  CHECK(p.pod->template_labels.at(0).second == "p");
  auto cm = load("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
  CHECK_FALSE(cm->graph.resources().at(0).pod);
}

TEST_CASE("container securityContext overrides the pod's") {
  auto input = load(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n"
      "  securityContext: {runAsUser: 1000, runAsNonRoot: true}\n"
      "  containers:\n  - name: a\n    securityContext: {runAsUser: 0}\n  - name: b\n");
  const PodSpec& pod = *input->graph.resources().at(0).pod;
  Field a = effective_security_field(pod, pod.containers[0], "runAsUser");
  Field b = effective_security_field(pod, pod.containers[1], "runAsUser");
  CHECK(a.node.as_int() == 0);
  CHECK(a.path == "spec.containers[0].securityContext.runAsUser");
  CHECK(b.node.as_int() == 1000);
  CHECK(b.path == "spec.securityContext.runAsUser");
  CHECK_FALSE(effective_security_field(pod, pod.containers[1], "runAsGroup"));
}

TEST_CASE("label selectors follow Kubernetes semantics") {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(
      "sel:\n  matchLabels: {app: web}\n  matchExpressions:\n"
      "  - {key: tier, operator: In, values: [a, b]}\n  - {key: env, operator: NotIn, values: [prod]}\n"
      "  - {key: team, operator: Exists}\n  - {key: canary, operator: DoesNotExist}\n",
      issues);
  LabelSelector sel = parse_label_selector(doc->root().get("sel"), "sel");
  CHECK(sel.error.empty());
  Labels ok = {{"app", "web"}, {"tier", "a"}, {"team", "x"}};
  CHECK(sel.matches(ok));
  CHECK_FALSE(sel.matches(Labels{{"app", "web"}, {"tier", "c"}, {"team", "x"}}));
  CHECK_FALSE(sel.matches(Labels{{"app", "web"}, {"tier", "a"}, {"team", "x"}, {"env", "prod"}}));
  CHECK(sel.matches(Labels{{"app", "web"}, {"tier", "a"}, {"team", "x"}, {"env", "dev"}}));
  CHECK_FALSE(sel.matches(Labels{{"app", "web"}, {"tier", "a"}}));
  CHECK_FALSE(sel.matches(Labels{{"app", "web"}, {"tier", "a"}, {"team", "x"}, {"canary", "1"}}));
  CHECK(sel.to_string() == "app=web,tier in (a,b),env notin (prod),team,!canary");
  LabelSelector empty = parse_label_selector(doc->root().get("none"), "x");
  CHECK(empty.empty());
  CHECK(empty.matches(ok));
  auto bad = parse_single("sel: {matchExpressions: [{key: a, operator: Equals}]}\n", issues);
  CHECK_FALSE(parse_label_selector(bad->root().get("sel"), "sel").error.empty());
}

TEST_CASE("the graph: namespaces, List expansion, lookups, selection") {
  auto input = load(
      "apiVersion: v1\nkind: List\nitems:\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: other}}\n"
      "---\n"
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n"
      "---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n"
      "spec: {template: {metadata: {labels: {app: d}}, spec: {containers: [{name: c}]}}}\n",
      "team");
  const auto& g = input->graph;
  CHECK(g.documents().size() == 3);
  REQUIRE(g.resources().size() == 4);
  CHECK(g.resources()[0].ref.namespace_ == "team");
  CHECK(g.resources()[1].ref.namespace_ == "other");
  CHECK(g.resources()[2].ref.namespace_.empty());
  CHECK(g.find("ConfigMap", "team", "a") == &g.resources()[0]);
  CHECK(g.find("ConfigMap", "team", "b") == nullptr);
  CHECK(g.find("ClusterRole", "anything", "r") == &g.resources()[2]);
  LabelSelector sel;
  sel.match_labels = {{"app", "d"}};
  CHECK(g.pods_selected_by(sel, "team").size() == 1);
  CHECK(g.pods_selected_by(sel, "other").empty());
  CHECK(g.of_kind("ConfigMap", "team").size() == 1);
}

TEST_CASE("the chartproof.io/ignore annotation on the object or its pod template") {
  auto input = load(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n"
      "  annotations: {chartproof.io/ignore: 'run-as-root, probes'}\n"
      "spec:\n  template:\n    metadata:\n      annotations: {chartproof.io/ignore: resources}\n"
      "    spec: {containers: [{name: c}]}\n");
  const auto& ignored = input->graph.resources().at(0).ignored;
  CHECK(ignored == std::vector<std::string>{"run-as-root", "probes", "resources"});
}

TEST_CASE("typed views: Service, Ingress, HPA, PDB, data entries, pod references") {
  auto input = load(
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
      "spec: {type: NodePort, selector: {app: d}, ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]}\n"
      "---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\n"
      "spec:\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n"
      "  rules: [{http: {paths: [{path: /, backend: {service: {name: s, port: {name: http}}}}]}}]\n"
      "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n"
      "spec: {scaleTargetRef: {kind: Deployment, name: d}}\n"
      "---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\n"
      "spec: {selector: {matchLabels: {app: d}}}\n"
      "---\napiVersion: v1\nkind: Secret\nmetadata: {name: sec}\ndata: {a: eA==}\nstringData: {b: x}\n"
      "---\napiVersion: v1\nkind: Pod\nmetadata: {name: pod}\nspec:\n  serviceAccountName: sa\n"
      "  imagePullSecrets: [{name: pull}]\n"
      "  volumes: [{name: v, configMap: {name: cm, optional: true}}, {name: w, persistentVolumeClaim: {claimName: "
      "pvc}}]\n"
      "  containers:\n  - name: c\n    envFrom: [{secretRef: {name: env-secret}}]\n"
      "    env: [{name: X, valueFrom: {configMapKeyRef: {name: cm2, key: k}}}]\n");
  const auto& rs = input->graph.resources();
  ServiceView svc = view_service(rs[0]);
  CHECK(svc.type == "NodePort");
  REQUIRE(svc.selector);
  CHECK(svc.selector->to_string() == "app=d");
  REQUIRE(svc.ports.size() == 1);
  CHECK(svc.ports[0].port == 80);
  CHECK(svc.ports[0].target_port.text() == "http");
  CHECK(svc.ports[0].node_port.as_int() == 30080);
  auto backends = view_ingress_backends(rs[1]);
  REQUIRE(backends.size() == 2);
  CHECK(backends[0].port_number.as_int() == 80);
  CHECK(backends[1].port_name.text() == "http");
  CHECK(backends[0].port_path == "spec.defaultBackend.service.port.number");
  CHECK(backends[1].service.path == "spec.rules[0].http.paths[0].backend.service.name");
  CHECK(backends[1].port_path == "spec.rules[0].http.paths[0].backend.service.port.name");
  auto target = view_hpa_target(rs[2]);
  REQUIRE(target);
  CHECK(target->kind == "Deployment");
  CHECK(target->field.path == "spec.scaleTargetRef.name");
  CHECK(view_pod_selector(rs[3])->to_string() == "app=d");
  auto data = view_data_entries(rs[4]);
  REQUIRE(data.size() == 2);
  CHECK(data[1].second.path == "stringData.b");
  auto refs = pod_references(*rs[5].pod);
  std::vector<std::string> names;
  for (const auto& r : refs) names.push_back(std::string(r.kind) + "/" + std::string(r.name) + (r.optional ? "?" : ""));
  CHECK(names == std::vector<std::string>{"ServiceAccount/sa", "Secret/pull", "ConfigMap/cm?",
                                          "PersistentVolumeClaim/pvc", "Secret/env-secret", "ConfigMap/cm2"});
  // Each reference is located at the name that is wrong.
  CHECK(refs[4].field.path == "spec.containers[0].envFrom[0].secretRef.name");
  CHECK(refs[3].field.path == "spec.volumes[1].persistentVolumeClaim.claimName");
}
