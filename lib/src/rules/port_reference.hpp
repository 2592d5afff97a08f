#pragma once
// How Kubernetes reads a port reference (an IntOrString: a probe's port, a Service's targetPort)
// and resolves it against containers' ports. A number is used as written, whatever `ports:` says
// (FindPort, pkg/api/v1/pod/util.go; the kubelet probes the pod IP); a name must be declared (by a
// Service: with the same protocol); a string that is not a valid port name (a quoted number:
// IsValidPortName wants a letter) is rejected by the API server.

#include <algorithm>
#include <string>
#include <string_view>

#include "chartproof/model.hpp"

namespace chartproof::rules {

enum class PortRefKind { Number, Name, Invalid };

/// A port reference as the API server reads it.
struct PortRef {
  PortRefKind kind = PortRefKind::Invalid;
  std::string_view text;
};

/// k8s.io/apimachinery validation.IsValidPortName: 1–15 characters of [a-z0-9-], at least one
/// letter, no leading, trailing or doubled hyphen.
inline bool is_valid_port_name(std::string_view name) {
  if (name.empty() || name.size() > 15 || name.front() == '-' || name.back() == '-') return false;
  if (name.find("--") != std::string_view::npos) return false;
  bool letter = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') {
      letter = true;
    } else if (!(c >= '0' && c <= '9') && c != '-') {
      return false;
    }
  }
  return letter;
}

/// A YAML integer is a number; a string is a name when it is a valid port name, else rejected
/// (`"8080"` included: quoted, it is a string to the API server).
inline PortRef read_port_ref(Node port) {
  if (port.type() == NodeType::Int) return PortRef{PortRefKind::Number, port.text()};
  if (port.is_string() && is_valid_port_name(port.text())) return PortRef{PortRefKind::Name, port.text()};
  return PortRef{PortRefKind::Invalid, port.text()};
}

/// Why the API server rejects an Invalid reference, for a message.
inline std::string invalid_port_reason(std::string_view text) {
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  return digits ? "is a quoted number, which Kubernetes reads as a port name, and a port name must contain a letter: "
                  "the API server rejects it (write it unquoted)"
                : "is not a valid port name (1-15 lowercase letters, digits and '-', with a letter): the API server "
                  "rejects it";
}

/// True when the container declares any port.
inline bool declares_ports(const Container& c) { return c.node.get("ports").size() > 0; }

/// True when the container declares port number `number`.
inline bool declares_port_number(const Container& c, std::string_view number) {
  Node ports = c.node.get("ports");
  for (std::size_t i = 0; i < ports.size(); ++i) {
    if (ports.item(i).get("containerPort").text() == number) return true;
  }
  return false;
}

/// True when the container declares a port named `name`; with `protocol`, of that protocol (a
/// port's protocol is TCP when unset).
inline bool declares_port_name(const Container& c, std::string_view name, std::string_view protocol = {}) {
  Node ports = c.node.get("ports");
  for (std::size_t i = 0; i < ports.size(); ++i) {
    Node p = ports.item(i);
    if (p.get_text("name") != name) continue;
    std::string_view proto = p.get("protocol") ? p.get_text("protocol") : std::string_view("TCP");
    if (protocol.empty() || proto == protocol) return true;
  }
  return false;
}

}  // namespace chartproof::rules
