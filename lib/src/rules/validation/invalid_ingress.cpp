// invalid-ingress: Ingress hosts, paths and backends the API server rejects.
#include <array>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

bool looks_like_ip(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;  // IPv6 (a DNS name has no ':')
  int dots = 0;
  for (char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

Messages host_messages(std::string_view host) {
  if (looks_like_ip(host)) return {"must be a DNS name, not an IP address"};
  return host.find('*') != std::string_view::npos ? wildcard_dns1123_subdomain(host) : dns1123_subdomain(host);
}

// validateIngressHTTPIngressPath: what Exact and Prefix paths may not contain or end with.
constexpr std::array<std::string_view, 5> kBadSequences = {"//", "/./", "/../", "%2f", "%2F"};
constexpr std::array<std::string_view, 2> kBadSuffixes = {"/..", "/."};

class InvalidIngress : public Rule {
 public:
  explicit InvalidIngress(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    if (r.ref.api_version != "networking.k8s.io/v1") return;  // v1beta1 is removed (removed-api-version)
    Node spec = r.root.get("spec");
    Node rules = spec.get("rules");
    for (std::size_t i = 0; rules.is_seq() && i < rules.size(); ++i) {
      Node rule = rules.item(i);
      std::string at = "spec.rules[" + std::to_string(i) + "]";
      Node host = rule.get("host");
      if (host.is_scalar() && !host.text().empty()) {
        if (Messages m = host_messages(host.text()); !m.empty()) {
          out.report(r, Field{host, at + ".host"}, invalid("host", host.text(), m));
        }
      }
      Node paths = rule.at_path("http.paths");
      for (std::size_t k = 0; paths.is_seq() && k < paths.size(); ++k) {
        check_path(r, paths.item(k), at + ".http.paths[" + std::to_string(k) + "]", out);
      }
    }
    Node tls = spec.get("tls");
    for (std::size_t i = 0; tls.is_seq() && i < tls.size(); ++i) {
      Node hosts = tls.item(i).get("hosts");
      for (std::size_t k = 0; hosts.is_seq() && k < hosts.size(); ++k) {
        Node host = hosts.item(k);
        if (!host.is_scalar() || host.text().empty()) continue;
        Messages m = host.text().find('*') != std::string_view::npos ? wildcard_dns1123_subdomain(host.text())
                                                                     : dns1123_subdomain(host.text());
        if (!m.empty()) {
          out.report(r, Field{host, "spec.tls[" + std::to_string(i) + "].hosts[" + std::to_string(k) + "]"},
                     invalid("TLS host", host.text(), m));
        }
      }
    }
    if (Node backend = spec.get("defaultBackend"); backend.is_map())
      check_backend(r, backend, "spec.defaultBackend", out);
  }

 private:
  void check_path(const Resource& r, Node entry, const std::string& at, Reporter& out) const {
    Node type = entry.get("pathType");
    Node path = entry.get("path");
    std::string_view p = path.text();
    if (!type || type.is_null()) {
      out.report(r, Field{entry, at + ".pathType"},
                 "pathType must be specified (Exact, Prefix or ImplementationSpecific)");
    } else if (type.text() == "Exact" || type.text() == "Prefix") {
      if (!p.starts_with("/")) {
        out.report(r, Field{path ? path : entry, at + ".path"},
                   "path " + shown_value(p) + " must be an absolute path (pathType " + std::string(type.text()) + ")");
      } else {
        for (auto seq : kBadSequences) {
          if (p.find(seq) != std::string_view::npos) {
            out.report(r, Field{path, at + ".path"},
                       "path " + shown_value(p) + " must not contain '" + std::string(seq) + "'");
          }
        }
        for (auto suffix : kBadSuffixes) {
          if (p.ends_with(suffix)) {
            out.report(r, Field{path, at + ".path"},
                       "path " + shown_value(p) + " cannot end with '" + std::string(suffix) + "'");
          }
        }
      }
    } else if (type.text() == "ImplementationSpecific") {
      if (!p.empty() && !p.starts_with("/")) {
        out.report(r, Field{path, at + ".path"}, "path " + shown_value(p) + " must be an absolute path");
      }
    }
    if (Node backend = entry.get("backend"); backend.is_map()) check_backend(r, backend, at + ".backend", out);
  }

  void check_backend(const Resource& r, Node backend, const std::string& at, Reporter& out) const {
    Node service = backend.get("service");
    if (service.is_map() && backend.get("resource").is_map()) {
      out.report(r, Field{backend.get("resource"), at + ".resource"},
                 "backend sets both service and resource: cannot set both");
    }
    if (!service.is_map()) return;
    Node name = service.get("name");
    if (name.is_scalar() && !name.text().empty()) {
      if (Messages m = dns1035_label(name.text()); !m.empty()) {
        out.report(r, Field{name, at + ".service.name"}, invalid("backend Service name", name.text(), m));
      }
    }
    Node port = service.get("port");
    Node number = port.get("number"), port_name_node = port.get("name");
    const bool has_number = number && !number.is_null(), has_name = port_name_node && !port_name_node.is_null();
    if (has_number && has_name) {
      out.report(r, Field{port_name_node, at + ".service.port.name"}, "port name and number are mutually exclusive");
    } else if (port.is_map() && !has_number && !has_name) {
      out.report(r, Field{port, at + ".service.port"}, "port name or number is required");
    }
    if (auto v = number.as_int(); v && !port_number(*v).empty()) {
      out.report(r, Field{number, at + ".service.port.number"},
                 "port number " + std::to_string(*v) + ": " + port_number(*v).front());
    }
    if (has_name && port_name_node.is_scalar()) {
      if (Messages m = port_name(port_name_node.text()); !m.empty()) {
        out.report(r, Field{port_name_node, at + ".service.port.name"}, invalid("port name", port_name_node.text(), m));
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_ingress_rule() {
  return define<InvalidIngress>(RuleMeta{
      .id = "invalid-ingress",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = {"Ingress"},
      .summary = "Ingress hosts must be lowercase DNS names, paths valid for their pathType, backends well formed.",
      .rationale =
          "The API server validates an Ingress (ValidateIngressSpec, validateIngressRules, "
          "validateIngressHTTPIngressPath, validateIngressBackend in pkg/apis/networking/validation/validation.go): "
          "a host is a lowercase RFC 1123 subdomain, or a wildcard with one leading `*.`, never an IP address; TLS "
          "hosts alike; every path has a pathType; Exact and Prefix paths are absolute and contain no `//`, `/./`, "
          "`/../` or `%2f` and do not end in `/.` or `/..`; an ImplementationSpecific path is empty or absolute; a "
          "backend Service name is a DNS-1035 label and its port a number 1-65535 or an IANA port name, not both. "
          "A host written `Example.COM` in values is the usual cause.",
      .remediation = "Lowercase the host (`lower`), give each path a pathType (usually Prefix) and a leading `/`."});
}

}  // namespace chartproof::rules
