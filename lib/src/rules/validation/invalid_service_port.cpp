// invalid-service-port: Service ports the API server rejects: names (required when there are
// several, DNS-1123 labels, unique), the same port and protocol twice, a named targetPort that is
// no IANA service name, a nodePort on a ClusterIP Service, an ExternalName without a DNS name.
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidServicePort : public Rule {
 public:
  explicit InvalidServicePort(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node spec = r.root.get("spec");
    std::string_view type = spec.get_text("type").empty() ? "ClusterIP" : spec.get_text("type");
    Node ports = spec.get("ports");
    const bool several = ports.is_seq() && ports.size() > 1;
    std::set<std::string_view> names;
    std::set<std::string> port_keys;
    for (std::size_t i = 0; ports.is_seq() && i < ports.size(); ++i) {
      Node p = ports.item(i);
      if (!p.is_map()) continue;
      std::string at = "spec.ports[" + std::to_string(i) + "]";
      Node name = p.get("name");
      if (!name.is_scalar() || name.is_null() || name.text().empty()) {
        if (several) {
          out.report(r, Field{p, at + ".name"},
                     "port " + std::string(p.get_text("port")) + " of " + r.describe() +
                         " has no name: Required value, since the Service has " + std::to_string(ports.size()) +
                         " ports");
        }
      } else {
        if (Messages m = dns1123_label(name.text()); !m.empty()) {
          out.report(r, Field{name, at + ".name"}, invalid("Service port name", name.text(), m));
        }
        if (!names.insert(name.text()).second) {
          out.report(r, Field{name, at + ".name"},
                     "Service port name " + shown_value(name.text()) + " is used twice (Duplicate value)");
        }
      }
      Node port = p.get("port");
      if (auto v = port.as_int()) {
        if (Messages m = port_number(*v); !m.empty()) {
          out.report(r, Field{port, at + ".port"}, "port " + std::to_string(*v) + ": " + m.front());
        }
        std::string protocol(p.get_text("protocol").empty() ? "TCP" : p.get_text("protocol"));
        if (!port_keys.insert(std::to_string(*v) + "/" + protocol).second) {
          out.report(r, Field{port, at + ".port"},
                     "port " + std::to_string(*v) + "/" + protocol + " is listed twice (Duplicate value)");
        }
      }
      Node target = p.get("targetPort");
      if (target.is_scalar() && !target.is_null()) {
        if (auto v = target.as_int()) {
          if (*v != 0) {
            if (Messages m = port_number(*v); !m.empty()) {
              out.report(r, Field{target, at + ".targetPort"}, "targetPort " + std::to_string(*v) + ": " + m.front());
            }
          }
        } else if (Messages m = port_name(target.text()); !m.empty()) {
          out.report(r, Field{target, at + ".targetPort"},
                     invalid("targetPort name", target.text(), m) + " (a named targetPort is an IANA_SVC_NAME)");
        }
      }
      Node node_port = p.get("nodePort");
      if (type == "ClusterIP" && node_port.as_int().value_or(0) != 0) {
        out.report(r, Field{node_port, at + ".nodePort"},
                   "nodePort may not be used when `type` is 'ClusterIP'; set type: NodePort or LoadBalancer");
      }
    }
    if ((!ports.is_seq() || ports.size() == 0) && type != "ExternalName" && spec.get_text("clusterIP") != "None") {
      out.report(r, Field{ports ? ports : spec, "spec.ports"},
                 r.describe() +
                     " has no ports: spec.ports: Required value (only a headless or ExternalName Service "
                     "may have none)");
    }
    if (type == "ExternalName") {
      Node external = spec.get("externalName");
      std::string_view host = external.text();
      if (!host.empty() && host.back() == '.') host.remove_suffix(1);
      if (!external.is_scalar() || host.empty()) {
        out.report(r, Field{external ? external : spec, "spec.externalName"},
                   "a Service of type ExternalName needs spec.externalName (Required value)");
      } else if (Messages m = dns1123_subdomain(host); !m.empty()) {
        out.report(r, Field{external, "spec.externalName"}, invalid("externalName", external.text(), m));
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_service_port_rule() {
  return define<InvalidServicePort>(RuleMeta{
      .id = "invalid-service-port",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = {"Service"},
      .summary = "Service ports must be named when there are several, uniquely, and not repeat a port and protocol.",
      .rationale =
          "The API server validates a Service's ports (ValidateService, validateServicePort in "
          "pkg/apis/core/validation/validation.go): with more than one port each needs a name; a name is a "
          "DNS-1123 label, unique in the Service; the same port and protocol may not appear twice; port is 1 to "
          "65535; a named targetPort is an IANA_SVC_NAME (ValidatePortNumOrName); a nodePort is forbidden on a "
          "ClusterIP Service; an ExternalName Service needs a DNS name. A metrics port added from values beside "
          "an unnamed `http` port is the usual cause.",
      .remediation = "Name every port (`name: http`, `name: metrics`) when there are several; give each its own "
                     "port number."});
}

}  // namespace chartproof::rules
