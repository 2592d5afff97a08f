// invalid-container-port: a container port whose name is not an IANA service name, is used twice
// in the container, whose number is out of range, or a hostPort two containers of a pod claim.
#include <map>
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

class InvalidContainerPort : public Rule {
 public:
  explicit InvalidContainerPort(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const bool host_network = r.pod->spec.node.get("hostNetwork").as_bool() == true;
    std::map<std::string, std::string> host_ports;  // "port/protocol/ip" -> first container claiming it
    for (const Container& c : r.pod->containers) {
      std::set<std::string_view> names;
      for_each_item(c.node, "ports", c.path, [&](Node p, const std::string& at) {
        Node name = p.get("name");
        if (name.is_scalar() && !name.text().empty()) {
          if (Messages m = port_name(name.text()); !m.empty()) {
            out.report(r, Field{name, at + ".name"}, invalid("port name", name.text(), m) + " (IsValidPortName)");
          } else if (!names.insert(name.text()).second) {
            out.report(
                r, Field{name, at + ".name"},
                "port name " + shown_value(name.text()) + " is used twice in " + c.describe() + " (Duplicate value)");
          }
        }
        for (std::string_view field : {"containerPort", "hostPort"}) {
          Node n = p.get(field);
          auto v = n.as_int();
          if (!v || (field == "hostPort" && *v == 0)) continue;
          if (Messages m = port_number(*v); !m.empty()) {
            out.report(r, Field{n, at + "." + std::string(field)},
                       std::string(field) + " " + std::to_string(*v) + " of " + c.describe() + ": " + m.front());
          }
        }
        Node host = p.get("hostPort");
        if (auto hp = host.as_int();
            hp && *hp > 0 && host_network && *hp != p.get("containerPort").as_int().value_or(0)) {
          out.report(r, Field{host, at + ".hostPort"},
                     "hostPort " + std::to_string(*hp) + " of " + c.describe() +
                         ": must match `containerPort` when `hostNetwork` is true");
        }
        if (auto hp = host.as_int(); hp && *hp > 0) {
          std::string protocol(p.get_text("protocol").empty() ? "TCP" : p.get_text("protocol"));
          std::string key = std::to_string(*hp) + "/" + protocol + "/" + std::string(p.get_text("hostIP"));
          auto [it, fresh] = host_ports.emplace(key, c.describe());
          if (!fresh) {
            out.report(r, Field{host, at + ".hostPort"},
                       "hostPort " + std::to_string(*hp) + "/" + protocol + " of " + c.describe() +
                           " is already claimed by " + it->second + " of the pod (Duplicate value)");
          }
        }
      });
    }
  }
};

}  // namespace

RuleDefinition invalid_container_port_rule() {
  return define<InvalidContainerPort>(RuleMeta{
      .id = "invalid-container-port",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Container port names must be IANA service names unique in the container, and numbers 1-65535.",
      .rationale =
          "The API server validates container ports (validateContainerPorts, AccumulateUniqueHostPorts in "
          "pkg/apis/core/validation/validation.go): a name is an IANA_SVC_NAME (IsValidPortName: at most 15 "
          "characters of `[a-z0-9-]` with at least one letter, no leading, trailing or double `-`) and unique "
          "within the container; containerPort and hostPort are 1 to 65535; two containers of a pod may not claim "
          "the same hostPort, protocol and hostIP; with hostNetwork a hostPort must equal its containerPort "
          "(validateHostNetwork). `http-metrics-port` (17 characters) and `8080` as a name are "
          "the usual causes.",
      .remediation = "Use a short lowercase name with a letter (`metrics`, `http`); Services and probes can refer "
                     "to it by name."});
}

}  // namespace chartproof::rules
