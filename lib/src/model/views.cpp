#include "chartproof/model.hpp"

namespace chartproof {
namespace {

std::string indexed(std::string_view path, std::size_t i) { return std::string(path) + "[" + std::to_string(i) + "]"; }

void add_ingress_backend(Node backend, const std::string& path, std::vector<IngressBackend>& out) {
  Node service = backend.get("service");
  if (service.is_map()) {
    // networking.k8s.io/v1 shape
    Node port = service.get("port");
    Node number = port.get("number");
    std::string port_path = path + ".service.port" + (number ? ".number" : ".name");
    out.push_back(IngressBackend{Field{service.get("name"), path + ".service.name"}, service.get_text("name"), number,
                                 port.get("name"), std::move(port_path)});
  } else if (backend.get("serviceName")) {
    // extensions/v1beta1 and networking.k8s.io/v1beta1 shape
    Node port = backend.get("servicePort");
    bool numeric = port.type() == NodeType::Int;
    out.push_back(IngressBackend{Field{backend.get("serviceName"), path + ".serviceName"},
                                 backend.get_text("serviceName"), numeric ? port : Node(), numeric ? Node() : port,
                                 path + ".servicePort"});
  }
}

}  // namespace

ServiceView view_service(const Resource& service) {
  ServiceView view;
  Node spec = service.root.get("spec");
  view.type = spec.get_text("type");
  if (view.type.empty()) view.type = "ClusterIP";
  Node selector = spec.get("selector");
  if (selector && !selector.is_null()) view.selector = parse_map_selector(selector, "spec.selector");
  Node ports = spec.get("ports");
  for (std::size_t i = 0; i < ports.size(); ++i) {
    Node p = ports.item(i);
    ServicePort port;
    port.field = Field{p, indexed("spec.ports", i)};
    port.name = p.get_text("name");
    port.port = p.get("port").as_int();
    port.target_port = p.get("targetPort");
    port.node_port = p.get("nodePort");
    port.protocol = p.get_text("protocol");
    view.ports.push_back(port);
  }
  return view;
}

std::vector<IngressBackend> view_ingress_backends(const Resource& ingress) {
  std::vector<IngressBackend> out;
  Node spec = ingress.root.get("spec");
  for (std::string_view name : {"defaultBackend", "backend"}) {
    Node b = spec.get(name);
    if (b.is_map()) add_ingress_backend(b, "spec." + std::string(name), out);
  }
  Node rules = spec.get("rules");
  for (std::size_t r = 0; r < rules.size(); ++r) {
    Node paths = rules.item(r).get("http").get("paths");
    for (std::size_t p = 0; p < paths.size(); ++p) {
      add_ingress_backend(paths.item(p).get("backend"),
                          indexed("spec.rules", r) + ".http." + indexed("paths", p) + ".backend", out);
    }
  }
  return out;
}

std::optional<ObjectReference> view_hpa_target(const Resource& hpa) {
  Node target = hpa.root.get("spec").get("scaleTargetRef");
  if (!target.is_map()) return std::nullopt;
  return ObjectReference{Field{target.get("name"), "spec.scaleTargetRef.name"}, target.get_text("kind"),
                         target.get_text("name"), false};
}

std::optional<LabelSelector> view_pod_selector(const Resource& resource) {
  Node spec = resource.root.get("spec");
  if (resource.ref.kind == "PodDisruptionBudget") {
    Node sel = spec.get("selector");
    if (!sel) return std::nullopt;
    return parse_label_selector(sel, "spec.selector");
  }
  if (resource.ref.kind == "NetworkPolicy") {
    Node sel = spec.get("podSelector");
    if (!sel) return std::nullopt;
    return parse_label_selector(sel, "spec.podSelector");
  }
  return std::nullopt;
}

std::vector<std::pair<std::string_view, Field>> view_data_entries(const Resource& resource) {
  std::vector<std::pair<std::string_view, Field>> out;
  for (std::string_view section : {"data", "stringData", "binaryData"}) {
    Node map = resource.root.get(section);
    for (std::size_t i = 0; i < map.size(); ++i) {
      Node k = map.key_at(i);
      if (!k.is_scalar()) continue;
      out.emplace_back(k.text(), Field{map.value_at(i), append_path_key(std::string(section), k.text())});
    }
  }
  return out;
}

std::vector<ObjectReference> pod_references(const PodSpec& pod) {
  std::vector<ObjectReference> out;
  Node spec = pod.spec.node;
  const std::string& base = pod.spec.path;
  // The reference's field is where its name is written (`...secretRef.name`): that is what to fix.
  auto add = [&](Node holder, const std::string& path, std::string_view kind, std::string_view name_key,
                 Node optional) {
    std::string_view name = holder.get_text(name_key);
    if (name.empty()) return;
    out.push_back(ObjectReference{Field{holder.get(name_key), path + "." + std::string(name_key)}, kind, name,
                                  optional.as_bool().value_or(false)});
  };
  for (std::string_view key : {"serviceAccountName", "serviceAccount"}) {
    Node sa = spec.get(key);
    if (sa.is_scalar()) {
      if (!sa.text().empty())
        out.push_back(ObjectReference{Field{sa, base + "." + std::string(key)}, "ServiceAccount", sa.text(), false});
      break;
    }
  }
  Node pulls = spec.get("imagePullSecrets");
  for (std::size_t i = 0; i < pulls.size(); ++i) {
    add(pulls.item(i), base + "." + indexed("imagePullSecrets", i), "Secret", "name", Node());
  }
  Node volumes = spec.get("volumes");
  for (std::size_t i = 0; i < volumes.size(); ++i) {
    Node v = volumes.item(i);
    std::string vpath = base + "." + indexed("volumes", i);
    Node cm = v.get("configMap");
    add(cm, vpath + ".configMap", "ConfigMap", "name", cm.get("optional"));
    Node secret = v.get("secret");
    add(secret, vpath + ".secret", "Secret", "secretName", secret.get("optional"));
    Node pvc = v.get("persistentVolumeClaim");
    add(pvc, vpath + ".persistentVolumeClaim", "PersistentVolumeClaim", "claimName", Node());
    Node sources = v.get("projected").get("sources");
    for (std::size_t j = 0; j < sources.size(); ++j) {
      Node src = sources.item(j);
      std::string spath = vpath + ".projected." + indexed("sources", j);
      Node pcm = src.get("configMap");
      add(pcm, spath + ".configMap", "ConfigMap", "name", pcm.get("optional"));
      Node ps = src.get("secret");
      add(ps, spath + ".secret", "Secret", "name", ps.get("optional"));
    }
  }
  for (const auto& c : pod.containers) {
    Node env_from = c.node.get("envFrom");
    for (std::size_t i = 0; i < env_from.size(); ++i) {
      Node e = env_from.item(i);
      std::string epath = c.path + "." + indexed("envFrom", i);
      Node cm = e.get("configMapRef");
      add(cm, epath + ".configMapRef", "ConfigMap", "name", cm.get("optional"));
      Node s = e.get("secretRef");
      add(s, epath + ".secretRef", "Secret", "name", s.get("optional"));
    }
    Node env = c.node.get("env");
    for (std::size_t i = 0; i < env.size(); ++i) {
      Node from = env.item(i).get("valueFrom");
      std::string epath = c.path + "." + indexed("env", i) + ".valueFrom";
      Node cm = from.get("configMapKeyRef");
      add(cm, epath + ".configMapKeyRef", "ConfigMap", "name", cm.get("optional"));
      Node s = from.get("secretKeyRef");
      add(s, epath + ".secretKeyRef", "Secret", "name", s.get("optional"));
    }
  }
  return out;
}

}  // namespace chartproof
