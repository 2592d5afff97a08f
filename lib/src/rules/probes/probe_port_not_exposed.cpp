// probe-port-not-exposed: a probe targets a port the container does not declare.
#include "rules/port_reference.hpp"
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
        if (!target || !target->port.node.is_scalar()) continue;
        PortRef ref = read_port_ref(target->port.node);
        std::string what = std::string(kind.name) + " probe of " + c.describe() + " targets ";
        switch (ref.kind) {
          case PortRefKind::Invalid:
            out.report(r, target->port,
                       what + "port " + in_quotes(ref.text) + ", which " + invalid_port_reason(ref.text));
            break;
          case PortRefKind::Name:
            // The kubelet resolves a name in the container's own ports; none: the probe fails every time.
            if (!declares_port_name(c, ref.text)) {
              out.report(
                  r, target->port,
                  what + "port name " + in_quotes(ref.text) + ", which is not a containerPort of that container");
            }
            break;
          case PortRefKind::Number:
            // A number is probed on the pod IP whatever `ports:` says: risky only when the container
            // declares its ports and this is not one of them.
            if (declares_ports(c) && !declares_port_number(c, ref.text)) {
              out.report_at_most(r, target->port,
                                 what + "port " + std::string(ref.text) +
                                     ", which the container does not declare (the kubelet probes it anyway; check "
                                     "that the application listens there)",
                                 Severity::Warning);
            }
            break;
        }
      }
    }
  }
};

}  // namespace

RuleDefinition probe_port_not_exposed_rule() {
  return define<ProbePortNotExposed>(RuleMeta{
      .id = "probe-port-not-exposed",
      .pack = "probes",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "A probe must target a port the container declares.",
      .rationale =
          "The kubelet resolves a named probe port in the container's own `ports` (a name no containerPort "
          "carries fails the probe on every run: the pod never becomes Ready, or restarts forever) and probes a "
          "number on the pod IP whatever `ports` says. So: a name that is not declared is an error; a quoted "
          "number (`port: \"8080\"`) is an error too, because the API server reads it as a name and a port name "
          "must contain a letter (IsValidPortName, k8s.io/apimachinery/pkg/util/validation); a number the "
          "container does not declare is a warning (it works if the application listens there, and usually "
          "means the probe was not updated when the port changed), and nothing when the container declares no "
          "ports at all. httpGet, tcpSocket and grpc handlers are checked; exec probes have no port.",
      .remediation = "Point the probe at a declared port (by name, e.g. `port: http`), or declare the port in "
                     "`containers[].ports`; write numbers unquoted."});
}

}  // namespace chartproof::rules
