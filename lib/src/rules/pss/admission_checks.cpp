// Pod Security Admission's checks (see admission_checks.hpp), written from k8s.io/pod-security-admission's
// policy/check_*.go: the same fields, allowed values, versions and wording (reason, detail).
#include "rules/pss/admission_checks.hpp"

#include <algorithm>
#include <functional>
#include <set>

namespace chartproof::rules::pss {
namespace {

// pluralize and joinQuote of policy/helpers.go.
std::string plural(std::string_view singular, std::string_view many, std::size_t n) {
  return std::string(n == 1 ? singular : many);
}
std::string join_quote(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "\"" : ", \"") + i + "\"";
  return out;
}
std::vector<std::string> sorted(const std::set<std::string>& s) { return {s.begin(), s.end()}; }
// `container "a"` or `containers "a", "b"`: how admission names the containers a check failed on.
std::string containers_named(const std::vector<std::string>& names) {
  return plural("container", "containers", names.size()) + " " + join_quote(names);
}
std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

// What a check reads: the pod spec, its containers in admission's visiting order (init containers,
// then containers), and the policy version.
struct Pod {
  const PodSpec& spec;
  std::vector<const Container*> containers;
  int minor;
  Node node() const { return spec.spec.node; }
  Node security() const { return node().get("securityContext"); }
  Node metadata() const { return spec.template_metadata.node; }
  Field pod_field(std::string_view path) const {
    return Field{node().at_path(path), spec.spec.path + "." + std::string(path)};
  }
  static Field field(const Container& c, std::string_view path) {
    return Field{c.node.at_path(path), c.path + "." + std::string(path)};
  }
  bool windows() const { return node().get("os").get_text("name") == "windows"; }
  bool user_namespace() const { return node().get("hostUsers").as_bool() == false; }  // hostUsers: false
};

bool is_true(Node n) { return n.as_bool() == true; }

// The setters part of a detail: `pod and containers "a", "b"`.
std::string setters(bool pod, const std::vector<std::string>& containers) {
  std::vector<std::string> parts;
  if (pod) parts.emplace_back("pod");
  if (!containers.empty()) parts.push_back(containers_named(containers));
  return join(parts, " and ");
}

using Result = std::optional<Violation>;
Violation violation(std::string reason, std::string detail, Field at) {
  return Violation{{}, std::move(reason), std::move(detail), std::move(at)};
}

Result host_namespaces(const Pod& p) {
  std::vector<std::string> set;
  Field at;
  for (std::string_view f : {"hostNetwork", "hostPID", "hostIPC"}) {
    if (is_true(p.node().get(f))) {
      set.push_back(std::string(f) + "=true");
      if (!at) at = p.pod_field(f);
    }
  }
  if (set.empty()) return std::nullopt;
  at.fix = FieldFix{{}, "false"};  // the first one; each other is a finding of its own after that fix
  return violation("host namespaces", join(set, ", "), at);
}

Result privileged(const Pod& p) {
  std::vector<std::string> bad;
  Field at;
  for (const Container* c : p.containers) {
    if (!is_true(c->node.at_path("securityContext.privileged"))) continue;
    bad.emplace_back(c->name);
    if (!at) at = Pod::field(*c, "securityContext.privileged");
  }
  if (bad.empty()) return std::nullopt;
  at.fix = FieldFix{{}, "false"};
  return violation("privileged", containers_named(bad) + " must not set securityContext.privileged=true", at);
}

Result capabilities_baseline(const Pod& p) {
  static const std::set<std::string_view> allowed = {"AUDIT_WRITE", "CHOWN",  "DAC_OVERRIDE",     "FOWNER",  "FSETID",
                                                     "KILL",        "MKNOD",  "NET_BIND_SERVICE", "SETFCAP", "SETGID",
                                                     "SETPCAP",     "SETUID", "SYS_CHROOT"};
  std::vector<std::string> bad;
  std::set<std::string> caps;
  Field at;
  for (const Container* c : p.containers) {
    Node add = c->node.at_path("securityContext.capabilities.add");
    bool valid = true;
    for (std::size_t i = 0; add.is_seq() && i < add.size(); ++i) {
      if (allowed.contains(add.item(i).text())) continue;
      valid = false;
      caps.emplace(add.item(i).text());
      if (!at) at = Field{add.item(i), c->path + ".securityContext.capabilities.add[" + std::to_string(i) + "]"};
    }
    if (!valid) bad.emplace_back(c->name);
  }
  if (bad.empty()) return std::nullopt;
  return violation(
      "non-default capabilities",
      containers_named(bad) + " must not include " + join_quote(sorted(caps)) + " in securityContext.capabilities.add",
      at);
}

Result host_path_volumes(const Pod& p) {
  Node volumes = p.node().get("volumes");
  std::vector<std::string> bad;
  Field at;
  for (std::size_t i = 0; volumes.is_seq() && i < volumes.size(); ++i) {
    Node host = volumes.item(i).get("hostPath");
    if (!host || host.is_null()) continue;
    bad.emplace_back(volumes.item(i).get_text("name"));
    if (!at) at = Field{host, p.spec.spec.path + ".volumes[" + std::to_string(i) + "].hostPath"};
  }
  if (bad.empty()) return std::nullopt;
  return violation("hostPath volumes", plural("volume", "volumes", bad.size()) + " " + join_quote(bad), at);
}

Result host_ports(const Pod& p) {
  std::vector<std::string> bad;
  std::set<std::string> ports;
  Field at;
  for (const Container* c : p.containers) {
    Node list = c->node.get("ports");
    bool valid = true;
    for (std::size_t i = 0; list.is_seq() && i < list.size(); ++i) {
      Node hp = list.item(i).get("hostPort");
      if (hp.as_int().value_or(0) == 0) continue;
      valid = false;
      ports.emplace(hp.text());
      if (!at) at = Field{hp, c->path + ".ports[" + std::to_string(i) + "].hostPort"};
    }
    if (!valid) bad.emplace_back(c->name);
  }
  if (bad.empty()) return std::nullopt;
  // sets.NewString(...).List() sorts the port numbers as strings.
  return violation("hostPort",
                   containers_named(bad) + " " + plural("uses", "use", bad.size()) + " " +
                       plural("hostPort", "hostPorts", ports.size()) + " " + join(sorted(ports), ", "),
                   at);
}

Result app_armor(const Pod& p) {
  auto allowed_type = [](std::string_view t) { return t == "RuntimeDefault" || t == "Localhost"; };
  std::set<std::string> values;
  bool pod = false;
  Field at;
  if (Node type = p.security().at_path("appArmorProfile.type");
      p.security().get("appArmorProfile").is_map() && !allowed_type(type.text())) {
    pod = true;
    values.emplace(type.text());
    at = p.pod_field("securityContext.appArmorProfile.type");
  }
  std::vector<std::string> bad;
  for (const Container* c : p.containers) {
    Node profile = c->node.at_path("securityContext.appArmorProfile");
    if (!profile.is_map() || allowed_type(profile.get_text("type"))) continue;
    bad.emplace_back(c->name);
    values.emplace(profile.get_text("type"));
    if (!at) at = Pod::field(*c, "securityContext.appArmorProfile.type");
  }
  std::vector<std::string> annotations;
  Node meta_annotations = p.metadata().get("annotations");
  for (std::size_t i = 0; meta_annotations.is_map() && i < meta_annotations.size(); ++i) {
    std::string_view key = meta_annotations.key_at(i).text();
    std::string_view value = meta_annotations.value_at(i).text();
    if (!key.starts_with("container.apparmor.security.beta.kubernetes.io/")) continue;
    if (value.empty() || value == "runtime/default" || value.starts_with("localhost/")) continue;
    annotations.push_back(std::string(key) + "=\"" + std::string(value) + "\"");
    if (!at)
      at = Field{meta_annotations.value_at(i), append_path_key(p.spec.template_metadata.path + ".annotations", key)};
  }
  std::vector<std::string> value_list = sorted(values);
  std::string who = setters(pod, bad);
  if (!annotations.empty()) {
    std::sort(annotations.begin(), annotations.end());
    value_list.insert(value_list.end(), annotations.begin(), annotations.end());
    who += (who.empty() ? "" : " and ") + plural("annotation", "annotations", annotations.size());
  }
  if (who.empty()) return std::nullopt;
  return violation(plural("forbidden AppArmor profile", "forbidden AppArmor profiles", value_list.size()),
                   who + " must not set AppArmor profile type to " + join_quote(value_list), at);
}

Result selinux(const Pod& p) {
  std::set<std::string_view> allowed = {"", "container_t", "container_init_t", "container_kvm_t"};
  if (p.minor >= 31) allowed.insert("container_engine_t");
  std::set<std::string> bad_types;
  bool user = false, role = false;
  auto valid = [&](Node opts) {
    bool ok = true;
    if (!allowed.contains(opts.get_text("type"))) {
      ok = false;
      bad_types.emplace(opts.get_text("type"));
    }
    if (!opts.get_text("user").empty()) {
      ok = false;
      user = true;
    }
    if (!opts.get_text("role").empty()) {
      ok = false;
      role = true;
    }
    return ok;
  };
  bool pod = false;
  Field at;
  if (Node opts = p.security().get("seLinuxOptions"); opts.is_map() && !valid(opts)) {
    pod = true;
    at = p.pod_field("securityContext.seLinuxOptions");
  }
  std::vector<std::string> bad;
  for (const Container* c : p.containers) {
    Node opts = c->node.at_path("securityContext.seLinuxOptions");
    if (!opts.is_map() || valid(opts)) continue;
    bad.emplace_back(c->name);
    if (!at) at = Pod::field(*c, "securityContext.seLinuxOptions");
  }
  if (!pod && bad.empty()) return std::nullopt;
  std::vector<std::string> data;
  if (!bad_types.empty())
    data.push_back(plural("type", "types", bad_types.size()) + " " + join_quote(sorted(bad_types)));
  if (user) data.emplace_back("user may not be set");
  if (role) data.emplace_back("role may not be set");
  return violation("seLinuxOptions",
                   setters(pod, bad) + " set forbidden securityContext.seLinuxOptions: " + join(data, "; "), at);
}

Result proc_mount_any(const Pod& p) {
  std::vector<std::string> bad;
  std::set<std::string> types;
  Field at;
  for (const Container* c : p.containers) {
    Node mount = c->node.at_path("securityContext.procMount");
    if (!mount.is_scalar() || mount.is_null() || mount.text() == "Default") continue;
    bad.emplace_back(c->name);
    types.emplace(mount.text());
    if (!at) at = Pod::field(*c, "securityContext.procMount");
  }
  if (bad.empty()) return std::nullopt;
  return violation("procMount",
                   containers_named(bad) + " must not set securityContext.procMount to " + join_quote(sorted(types)),
                   at);
}

Result proc_mount_baseline(const Pod& p) {
  if (p.minor >= 35 && p.user_namespace()) return std::nullopt;
  return proc_mount_any(p);
}

bool valid_seccomp(std::string_view t) { return t == "Localhost" || t == "RuntimeDefault"; }

Result seccomp_baseline(const Pod& p) {
  if (p.minor < 19) {  // the annotations, before the fields existed
    auto valid = [](std::string_view v) {
      return v == "runtime/default" || v == "docker/default" || v.starts_with("localhost/");
    };
    std::set<std::string> forbidden;
    Field at;
    Node annotations = p.metadata().get("annotations");
    auto check = [&](const std::string& key) {
      Node v = annotations.get(key);
      if (!v || valid(v.text())) return;
      forbidden.insert(key + "=\"" + std::string(v.text()) + "\"");
      if (!at) at = Field{v, append_path_key(p.spec.template_metadata.path + ".annotations", key)};
    };
    check("seccomp.security.alpha.kubernetes.io/pod");
    for (const Container* c : p.containers)
      check("container.seccomp.security.alpha.kubernetes.io/" + std::string(c->name));
    if (forbidden.empty()) return std::nullopt;
    return violation(
        "seccompProfile",
        "forbidden " + plural("annotation", "annotations", forbidden.size()) + " " + join(sorted(forbidden), ", "), at);
  }
  std::set<std::string> values;
  bool pod = false;
  Field at;
  if (Node profile = p.security().get("seccompProfile"); profile.is_map() && !valid_seccomp(profile.get_text("type"))) {
    pod = true;
    values.emplace(profile.get_text("type"));
    at = p.pod_field("securityContext.seccompProfile.type");
  }
  std::vector<std::string> bad;
  for (const Container* c : p.containers) {
    Node profile = c->node.at_path("securityContext.seccompProfile");
    if (!profile.is_map() || valid_seccomp(profile.get_text("type"))) continue;
    bad.emplace_back(c->name);
    values.emplace(profile.get_text("type"));
    if (!at) at = Pod::field(*c, "securityContext.seccompProfile.type");
  }
  if (!pod && bad.empty()) return std::nullopt;
  return violation(
      "seccompProfile",
      setters(pod, bad) + " must not set securityContext.seccompProfile.type to " + join_quote(sorted(values)), at);
}

Result sysctls(const Pod& p) {
  std::set<std::string_view> allowed = {"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
                                        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
                                        "net.ipv4.ip_unprivileged_port_start"};
  if (p.minor >= 27) allowed.insert("net.ipv4.ip_local_reserved_ports");
  if (p.minor >= 29) {
    allowed.insert({"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
                    "net.ipv4.tcp_keepalive_probes"});
  }
  if (p.minor >= 32) allowed.insert({"net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"});
  if (p.minor >= 37) allowed.insert({"net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"});
  Node list = p.security().get("sysctls");
  std::vector<std::string> bad;
  Field at;
  for (std::size_t i = 0; list.is_seq() && i < list.size(); ++i) {
    Node name = list.item(i).get("name");
    if (allowed.contains(name.text())) continue;
    bad.emplace_back(name.text());
    if (!at) at = Field{name, p.spec.spec.path + ".securityContext.sysctls[" + std::to_string(i) + "].name"};
  }
  if (bad.empty()) return std::nullopt;
  return violation("forbidden sysctls", join(bad, ", "), at);
}

Result windows_host_process(const Pod& p) {
  bool pod = is_true(p.security().at_path("windowsOptions.hostProcess"));
  Field at = pod ? p.pod_field("securityContext.windowsOptions.hostProcess") : Field{};
  std::vector<std::string> bad;
  for (const Container* c : p.containers) {
    if (!is_true(c->node.at_path("securityContext.windowsOptions.hostProcess"))) continue;
    bad.emplace_back(c->name);
    if (!at) at = Pod::field(*c, "securityContext.windowsOptions.hostProcess");
  }
  if (!pod && bad.empty()) return std::nullopt;
  return violation("hostProcess", setters(pod, bad) + " must not set securityContext.windowsOptions.hostProcess=true",
                   at);
}

Result host_probes_and_lifecycle(const Pod& p) {
  std::set<std::string> bad, hosts;
  Field at;
  for (const Container* c : p.containers) {
    for (std::string_view handler :
         {"livenessProbe", "readinessProbe", "startupProbe", "lifecycle.postStart", "lifecycle.preStop"}) {
      for (std::string_view kind : {"httpGet", "tcpSocket"}) {
        std::string path = std::string(handler) + "." + std::string(kind) + ".host";
        Node host = c->node.at_path(path);
        if (!host.is_scalar() || host.text().empty()) continue;
        bad.emplace(c->name);
        hosts.emplace(host.text());
        if (!at) at = Pod::field(*c, path);
      }
    }
  }
  if (bad.empty()) return std::nullopt;
  return violation("probe or lifecycle host",
                   containers_named(sorted(bad)) + " " + plural("uses", "use", bad.size()) + " " +
                       plural("probe or lifecycle host", "probe or lifecycle hosts", hosts.size()) + " " +
                       join_quote(sorted(hosts)),
                   at);
}

Result restricted_volumes(const Pod& p) {
  static const std::set<std::string_view> allowed = {"configMap", "csi",   "downwardAPI",           "emptyDir",
                                                     "ephemeral", "image", "persistentVolumeClaim", "projected",
                                                     "secret"};
  Node volumes = p.node().get("volumes");
  std::vector<std::string> bad;
  std::set<std::string> types;
  Field at;
  for (std::size_t i = 0; volumes.is_seq() && i < volumes.size(); ++i) {
    Node v = volumes.item(i);
    std::string_view type;
    Node type_node;
    bool ok = false;
    for (std::size_t k = 0; v.is_map() && k < v.size(); ++k) {
      std::string_view key = v.key_at(k).text();
      if (key == "name" || v.value_at(k).is_null()) continue;
      if (allowed.contains(key)) {
        ok = true;
        break;
      }
      if (type.empty()) type = key, type_node = v.key_at(k);
    }
    // A volume with no source is an emptyDir after defaulting.
    if (ok || type.empty()) continue;
    bad.emplace_back(v.get_text("name"));
    types.emplace(type);
    if (!at) at = Field{type_node, p.spec.spec.path + ".volumes[" + std::to_string(i) + "]." + std::string(type)};
  }
  if (bad.empty()) return std::nullopt;
  return violation(
      "restricted volume types",
      plural("volume", "volumes", bad.size()) + " " + join_quote(bad) + " " + plural("uses", "use", bad.size()) + " " +
          plural("restricted volume type", "restricted volume types", types.size()) + " " + join_quote(sorted(types)),
      at);
}

Result allow_privilege_escalation(const Pod& p) {
  if (p.minor >= 25 && p.windows()) return std::nullopt;
  std::vector<std::string> bad;
  Field at;
  for (const Container* c : p.containers) {
    Node v = c->node.at_path("securityContext.allowPrivilegeEscalation");
    if (v.as_bool() == false) continue;
    bad.emplace_back(c->name);
    if (!at) at = v ? Pod::field(*c, "securityContext.allowPrivilegeEscalation") : Field{c->node, c->path};
  }
  if (bad.empty()) return std::nullopt;
  // Where the field is written (true), false fixes it; where it is missing, the finding is on the
  // container and verification would have to refuse a second securityContext: no edit.
  if (at.path.ends_with(".allowPrivilegeEscalation")) at.fix = FieldFix{{}, "false"};
  return violation("allowPrivilegeEscalation != false",
                   containers_named(bad) + " must set securityContext.allowPrivilegeEscalation=false", at);
}

Result run_as_non_root(const Pod& p) {
  if (p.minor >= 35 && p.user_namespace()) return std::nullopt;
  Node pod_value = p.security().get("runAsNonRoot");
  bool pod_bad = pod_value.as_bool() == false, pod_ok = pod_value.as_bool() == true;
  Field at = pod_bad ? p.pod_field("securityContext.runAsNonRoot") : Field{};
  std::vector<std::string> explicit_bad, implicit_bad;
  Field implicit_at;
  for (const Container* c : p.containers) {
    Node v = c->node.at_path("securityContext.runAsNonRoot");
    if (v.as_bool().has_value()) {
      if (v.as_bool() == false) {
        explicit_bad.emplace_back(c->name);
        if (!at) at = Pod::field(*c, "securityContext.runAsNonRoot");
      }
    } else if (!pod_ok) {
      implicit_bad.emplace_back(c->name);
      if (!implicit_at) implicit_at = Field{c->node, c->path};
    }
  }
  if (pod_bad || !explicit_bad.empty()) {
    return violation("runAsNonRoot != true",
                     setters(pod_bad, explicit_bad) + " must not set securityContext.runAsNonRoot=false", at);
  }
  if (implicit_bad.empty()) return std::nullopt;
  return violation("runAsNonRoot != true",
                   "pod or " + containers_named(implicit_bad) + " must set securityContext.runAsNonRoot=true",
                   implicit_at);
}

Result run_as_user(const Pod& p) {
  if (p.minor < 23) return std::nullopt;
  if (p.minor >= 35 && p.user_namespace()) return std::nullopt;
  bool pod = p.security().get("runAsUser").as_int() == 0;
  Field at = pod ? p.pod_field("securityContext.runAsUser") : Field{};
  std::vector<std::string> bad;
  for (const Container* c : p.containers) {
    if (c->node.at_path("securityContext.runAsUser").as_int() != 0) continue;
    bad.emplace_back(c->name);
    if (!at) at = Pod::field(*c, "securityContext.runAsUser");
  }
  if (!pod && bad.empty()) return std::nullopt;
  return violation("runAsUser=0", setters(pod, bad) + " must not set runAsUser=0", at);
}

Result seccomp_restricted(const Pod& p) {
  if (p.minor >= 25 && p.windows()) return std::nullopt;
  std::set<std::string> values;
  bool pod_bad = false, pod_set = false;
  Field at;
  if (Node profile = p.security().get("seccompProfile"); profile.is_map()) {
    if (!valid_seccomp(profile.get_text("type"))) {
      pod_bad = true;
      values.emplace(profile.get_text("type"));
      at = p.pod_field("securityContext.seccompProfile.type");
    } else {
      pod_set = true;
    }
  }
  std::vector<std::string> explicit_bad, implicit_bad;
  Field implicit_at;
  for (const Container* c : p.containers) {
    Node profile = c->node.at_path("securityContext.seccompProfile");
    if (profile.is_map()) {
      if (valid_seccomp(profile.get_text("type"))) continue;
      explicit_bad.emplace_back(c->name);
      values.emplace(profile.get_text("type"));
      if (!at) at = Pod::field(*c, "securityContext.seccompProfile.type");
    } else if (!pod_set) {
      implicit_bad.emplace_back(c->name);
      if (!implicit_at) implicit_at = Field{c->node, c->path};
    }
  }
  if (pod_bad || !explicit_bad.empty()) {
    return violation("seccompProfile",
                     setters(pod_bad, explicit_bad) + " must not set securityContext.seccompProfile.type to " +
                         join_quote(sorted(values)),
                     at);
  }
  if (implicit_bad.empty()) return std::nullopt;
  return violation("seccompProfile",
                   "pod or " + containers_named(implicit_bad) +
                       " must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                   implicit_at);
}

Result capabilities_restricted(const Pod& p) {
  if (p.minor >= 25 && p.windows()) return std::nullopt;
  std::vector<std::string> missing_drop, adding;
  std::set<std::string> caps;
  Field at;
  for (const Container* c : p.containers) {
    Node capabilities = c->node.at_path("securityContext.capabilities");
    if (!capabilities.is_map()) {
      missing_drop.emplace_back(c->name);
      if (!at) at = Field{c->node, c->path};
      continue;
    }
    Node drop = capabilities.get("drop");
    bool dropped_all = false;
    for (std::size_t i = 0; drop.is_seq() && i < drop.size(); ++i)
      dropped_all = dropped_all || drop.item(i).text() == "ALL";
    if (!dropped_all) {
      missing_drop.emplace_back(c->name);
      if (!at) at = Field{capabilities, c->path + ".securityContext.capabilities"};
    }
    Node add = capabilities.get("add");
    bool forbidden = false;
    for (std::size_t i = 0; add.is_seq() && i < add.size(); ++i) {
      if (add.item(i).text() == "NET_BIND_SERVICE") continue;
      forbidden = true;
      caps.emplace(add.item(i).text());
      if (!at) at = Field{add.item(i), c->path + ".securityContext.capabilities.add[" + std::to_string(i) + "]"};
    }
    if (forbidden) adding.emplace_back(c->name);
  }
  std::vector<std::string> details;
  if (!missing_drop.empty()) {
    details.push_back(containers_named(missing_drop) + " must set securityContext.capabilities.drop=[\"ALL\"]");
  }
  if (!adding.empty()) {
    details.push_back(containers_named(adding) + " must not include " + join_quote(sorted(caps)) +
                      " in securityContext.capabilities.add");
  }
  if (details.empty()) return std::nullopt;
  return violation("unrestricted capabilities", join(details, "; "), at);
}

Result proc_mount_restricted(const Pod& p) { return proc_mount_any(p); }

struct CheckDef {
  CheckInfo info;
  std::function<Result(const Pod&)> run;
  std::string_view overrides;  // the baseline check it replaces at restricted level
  int overrides_from = 0;      // from this minor on
};

const std::vector<CheckDef>& definitions() {
  static const std::vector<CheckDef> defs = {
      {{"hostNamespaces", Level::Baseline, {0}, "hostNetwork, hostPID, hostIPC"}, host_namespaces},
      {{"privileged", Level::Baseline, {0}, "privileged containers"}, privileged},
      {{"capabilities_baseline", Level::Baseline, {0}, "capabilities beyond the default set"}, capabilities_baseline},
      {{"hostPathVolumes", Level::Baseline, {0}, "hostPath volumes"}, host_path_volumes},
      {{"hostPorts", Level::Baseline, {0}, "hostPort"}, host_ports},
      {{"appArmorProfile", Level::Baseline, {0}, "AppArmor profiles other than RuntimeDefault and Localhost"},
       app_armor},
      {{"seLinuxOptions", Level::Baseline, {0, 31}, "SELinux types beyond the container ones, user, role"}, selinux},
      {{"procMount", Level::Baseline, {0, 35}, "procMount other than Default (user-namespace pods exempt from 1.35)"},
       proc_mount_baseline},
      {{"seccompProfile_baseline", Level::Baseline, {0, 19}, "seccomp Unconfined (annotations before 1.19)"},
       seccomp_baseline},
      {{"sysctls", Level::Baseline, {0, 27, 29, 32, 37}, "sysctls outside the safe set of the version"}, sysctls},
      {{"windowsHostProcess", Level::Baseline, {0}, "Windows HostProcess"}, windows_host_process},
      {{"hostProbesAndHostLifecycle", Level::Baseline, {34}, "probe and lifecycle handlers naming a host"},
       host_probes_and_lifecycle},
      {{"restrictedVolumes",
        Level::Restricted,
        {0},
        "volume types beyond configMap, csi, downwardAPI, emptyDir, "
        "ephemeral, image, persistentVolumeClaim, projected, secret"},
       restricted_volumes,
       "hostPathVolumes",
       0},
      {{"allowPrivilegeEscalation",
        Level::Restricted,
        {8, 25},
        "allowPrivilegeEscalation not false (Windows exempt "
        "from 1.25)"},
       allow_privilege_escalation},
      {{"runAsNonRoot", Level::Restricted, {0, 35}, "runAsNonRoot not true (user-namespace pods exempt from 1.35)"},
       run_as_non_root},
      {{"runAsUser", Level::Restricted, {23, 35}, "runAsUser 0 (user-namespace pods exempt from 1.35)"}, run_as_user},
      {{"seccompProfile_restricted",
        Level::Restricted,
        {19, 25},
        "seccomp not RuntimeDefault or Localhost (Windows "
        "exempt from 1.25)"},
       seccomp_restricted,
       "seccompProfile_baseline",
       19},
      {{"capabilities_restricted",
        Level::Restricted,
        {22, 25},
        "capabilities not dropping ALL, or adding beyond "
        "NET_BIND_SERVICE (Windows exempt from 1.25)"},
       capabilities_restricted,
       "capabilities_baseline",
       22},
      {{"procMount_restricted", Level::Restricted, {35}, "procMount other than Default, user namespaces or not"},
       proc_mount_restricted,
       "procMount",
       35},
  };
  return defs;
}

}  // namespace

std::optional<Level> parse_level(std::string_view text) {
  if (text == "privileged") return Level::Privileged;
  if (text == "baseline") return Level::Baseline;
  if (text == "restricted") return Level::Restricted;
  return std::nullopt;
}

std::string_view level_name(Level level) {
  return level == Level::Restricted ? "restricted" : level == Level::Baseline ? "baseline" : "privileged";
}

std::optional<int> parse_version(std::string_view text) {
  if (text == "latest") return kLatest;
  if (text.starts_with("v")) text.remove_prefix(1);
  if (!text.starts_with("1.") || text.size() < 3) return std::nullopt;
  text.remove_prefix(2);
  std::size_t dot = text.find('.');
  if (dot != std::string_view::npos) text = text.substr(0, dot);  // 1.30.2: the minor counts
  if (text.empty() || text.size() > 3) return std::nullopt;
  int minor = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    minor = minor * 10 + (c - '0');
  }
  return minor;
}

std::string version_name(int minor) { return minor >= kLatest ? "latest" : "v1." + std::to_string(minor); }

std::vector<Violation> evaluate(Level level, int minor, const PodSpec& spec) {
  std::vector<Violation> out;
  if (level == Level::Privileged || !spec.spec.node.is_map()) return out;
  Pod pod{spec, {}, minor};
  for (const Container& c : spec.containers) {
    if (c.kind == ContainerKind::Init || c.kind == ContainerKind::Sidecar) pod.containers.push_back(&c);
  }
  for (const Container& c : spec.containers) {
    if (c.kind == ContainerKind::Regular) pod.containers.push_back(&c);
  }
  const auto& defs = definitions();
  std::set<std::string_view> overridden;
  if (level == Level::Restricted) {
    for (const CheckDef& d : defs) {
      if (!d.overrides.empty() && minor >= d.overrides_from) overridden.insert(d.overrides);
    }
  }
  for (const CheckDef& d : defs) {
    if (d.info.level == Level::Restricted && level != Level::Restricted) continue;
    if (minor < d.info.versions.front() || overridden.contains(d.info.id)) continue;
    if (auto v = d.run(pod)) {
      v->check = d.info.id;
      if (!v->at) v->at = spec.spec;
      out.push_back(std::move(*v));
    }
  }
  return out;
}

const std::vector<CheckInfo>& checks() {
  static const std::vector<CheckInfo> out = [] {
    std::vector<CheckInfo> list;
    for (const auto& d : definitions()) list.push_back(d.info);
    return list;
  }();
  return out;
}

}  // namespace chartproof::rules::pss
