#pragma once
// Probes of a container and what they point at.

#include <array>
#include <optional>
#include <string>

#include "rules/rule_support.hpp"

namespace chartproof::rules {

/// The three probes of a container, in the order Kubernetes runs them.
struct ProbeKind {
  std::string_view field;  ///< livenessProbe, ...
  std::string_view name;   ///< liveness, ...
};
inline constexpr std::array<ProbeKind, 3> kProbeKinds = {ProbeKind{"startupProbe", "startup"},
                                                         ProbeKind{"livenessProbe", "liveness"},
                                                         ProbeKind{"readinessProbe", "readiness"}};

/// The handler of a probe that targets a port, and that port's node.
struct ProbePort {
  std::string_view handler;  ///< httpGet, tcpSocket or grpc
  Field port;
};

/// The port a probe's httpGet, tcpSocket or grpc handler targets; nullopt for exec or none.
inline std::optional<ProbePort> probe_port(Node probe, const std::string& probe_path) {
  for (std::string_view handler : {"httpGet", "tcpSocket", "grpc"}) {
    Node h = probe.get(handler);
    if (!h.is_map()) continue;
    return ProbePort{handler,
                     Field{h.get("port") ? h.get("port") : h, probe_path + "." + std::string(handler) + ".port"}};
  }
  return std::nullopt;
}

}  // namespace chartproof::rules
