// probe-port-not-exposed: a probe targets a port the container does not declare.
#include "rules/probes/pack.hpp"
#include "rules/probes/probe_support.hpp"

namespace chartproof::rules {
namespace {

class ProbePortNotExposed : public Rule {
 public:
  explicit ProbePortNotExposed(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      for (const auto& kind : kProbeKinds) {
        std::string path = c.path + "." + std::string(kind.field);
        auto target = probe_port(c.node.get(kind.field), path);
        if (!target || !target->port.node.is_scalar() || container_exposes(c, target->port.node)) continue;
        std::string port(target->port.node.text());
        bool named = target->port.node.is_string() && port.find_first_not_of("0123456789") != std::string::npos;
        out.report(r, target->port,
                   std::string(kind.name) + " probe of " + c.describe() + " targets " +
                       (named ? "port name " : "port ") + in_quotes(port) +
                       ", which is not a containerPort of that container");
      }
    }
  }
};

}  // namespace

RuleDefinition probe_port_not_exposed_rule() {
  return define<ProbePortNotExposed>(
      RuleMeta{"probe-port-not-exposed",
               "probes",
               Severity::Error,
               true,
               workload_kinds(),
               "A probe must target a port the container declares.",
               "A named probe port that no containerPort carries makes the kubelet fail the probe on every run, so "
               "the pod never becomes Ready (readiness) or restarts forever (liveness): the classic result of renaming "
               "`http` to `web` in one place. A numeric port that is not declared usually means the probe points at "
               "the wrong port after the application's port changed. httpGet, tcpSocket and grpc handlers are "
               "checked; exec probes have no port.",
               "Point the probe at a declared port (by name, e.g. `port: http`), or declare the port in "
               "`containers[].ports`.",
               {}});
}

}  // namespace chartproof::rules
