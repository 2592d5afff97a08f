#pragma once
// The probe contract a policy states: which handler each probe must use, and timing bounds.
//   handler:  "httpGet /health/live port=http scheme=HTTP", "tcpSocket port=5432", "grpc port=9090", "exec"
//   timing:   "periodSeconds=10 timeoutSeconds<=2 failureThreshold>=3 initialDelaySeconds<=30"

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "rules/probes/probe_support.hpp"

namespace chartproof::rules {

/// A required probe handler.
struct HandlerSpec {
  std::string type;    ///< httpGet, tcpSocket, grpc or exec
  std::string path;    ///< httpGet only; empty = any
  std::string port;    ///< a name or number; empty = any
  std::string scheme;  ///< httpGet only; empty = any (Kubernetes' default is HTTP)
};

/// Parses a handler spec; nullopt with `error` set when it is malformed, nullopt alone when empty.
inline std::optional<HandlerSpec> parse_handler_spec(const std::string& text, std::string& error) {
  std::istringstream in(text);
  std::string token;
  HandlerSpec spec;
  if (!(in >> spec.type)) return std::nullopt;
  if (spec.type != "httpGet" && spec.type != "tcpSocket" && spec.type != "grpc" && spec.type != "exec") {
    error = "\"" + text + "\": the handler must be httpGet, tcpSocket, grpc or exec";
    return std::nullopt;
  }
  while (in >> token) {
    if (token[0] == '/' && spec.type == "httpGet")
      spec.path = token;
    else if (token.rfind("port=", 0) == 0)
      spec.port = token.substr(5);
    else if (token.rfind("scheme=", 0) == 0 && spec.type == "httpGet")
      spec.scheme = token.substr(7);
    else {
      error =
          "\"" + text + "\": unexpected \"" + token + "\"; write e.g. \"httpGet /health/live port=http scheme=HTTP\"";
      return std::nullopt;
    }
  }
  return spec;
}

/// A bound on one probe field: `field op value`.
struct TimingBound {
  std::string field;  ///< periodSeconds, timeoutSeconds, failureThreshold, successThreshold, initialDelaySeconds
  std::string op;     ///< =, <=, >=
  std::int64_t value;
};

/// Kubernetes' default for a probe timing field when it is not set.
inline std::int64_t probe_default(std::string_view field) {
  if (field == "periodSeconds") return 10;
  if (field == "timeoutSeconds" || field == "successThreshold") return 1;
  if (field == "failureThreshold") return 3;
  return 0;  // initialDelaySeconds
}

inline std::vector<TimingBound> parse_timing_spec(const std::string& text, std::string& error) {
  static const RE2 kBound(
      R"((periodSeconds|timeoutSeconds|failureThreshold|successThreshold|initialDelaySeconds)(<=|>=|=)(\d+))");
  std::vector<TimingBound> out;
  std::istringstream in(text);
  std::string token;
  while (in >> token) {
    std::string field, op;
    std::int64_t value = 0;
    if (!RE2::FullMatch(token, kBound, &field, &op, &value)) {
      error =
          "\"" + token + "\" is not a timing bound; write e.g. periodSeconds=10 timeoutSeconds<=2 failureThreshold>=3";
      return {};
    }
    out.push_back(TimingBound{field, op, value});
  }
  return out;
}

/// Container name patterns a contract applies to (every regular and sidecar container when empty).
class ContainerFilter {
 public:
  explicit ContainerFilter(const std::vector<std::string>& patterns) {
    for (const auto& p : patterns) patterns_.push_back(std::make_shared<RE2>(p, RE2::Quiet));
  }
  bool applies(const Container& c) const {
    if (!c.long_running()) return false;
    if (patterns_.empty()) return true;
    for (const auto& re : patterns_) {
      if (RE2::FullMatch(c.name, *re)) return true;
    }
    return false;
  }

 private:
  std::vector<std::shared_ptr<RE2>> patterns_;
};

/// The container port number a probe port (name or number) stands for, as text.
inline std::string resolve_port(const Container& c, std::string_view port) {
  Node ports = c.node.get("ports");
  for (std::size_t i = 0; i < ports.size(); ++i) {
    if (ports.item(i).get_text("name") == port) return std::string(ports.item(i).get("containerPort").text());
  }
  return std::string(port);
}

}  // namespace chartproof::rules
