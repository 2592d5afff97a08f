// probe-contract-mismatch: a probe differs from the handler the policy's contract requires.
#include <sstream>

#include "rules/param_checks.hpp"
#include "rules/probes/probe_contract.hpp"

namespace chartproof::rules {
namespace {

class ProbeContractMismatch : public Rule {
 public:
  explicit ProbeContractMismatch(const Params& p) : containers_(p.get_list("containers")) {
    for (const auto& kind : kProbeKinds) {
      std::string error;
      specs_.push_back(parse_handler_spec(p.get_string(std::string(kind.name)), error));
    }
  }

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      if (!containers_.applies(c)) continue;
      for (std::size_t k = 0; k < kProbeKinds.size(); ++k) {
        if (specs_[k]) check_probe(r, c, kProbeKinds[k], *specs_[k], out);
      }
    }
  }

 private:
  static std::string describe(const HandlerSpec& s) {
    std::string out = s.type;
    if (!s.path.empty()) out += " " + s.path;
    if (!s.port.empty()) out += " on port " + s.port;
    return out;
  }

  static void check_probe(const Resource& r, const Container& c, const ProbeKind& kind, const HandlerSpec& spec,
                          Reporter& out) {
    std::string path = c.path + "." + std::string(kind.field);
    std::string subject = std::string(kind.name) + " probe of " + c.describe();
    Node probe = c.node.get(kind.field);
    if (!probe.is_map()) {
      out.report(
          r, Field{c.node, path},
          c.describe() + " has no " + std::string(kind.name) + " probe; the contract requires " + describe(spec));
      return;
    }
    Node handler = probe.get(spec.type);
    if (!handler) {
      std::string actual = "no handler";
      for (std::string_view h : {"httpGet", "tcpSocket", "grpc", "exec"}) {
        if (probe.get(h)) actual = std::string(h);
      }
      out.report(r, Field{probe, path}, subject + " uses " + actual + "; the contract requires " + describe(spec));
      return;
    }
    std::string hpath = path + "." + spec.type;
    if (!spec.path.empty() && handler.get_text("path") != spec.path) {
      Node p = handler.get("path");
      out.report(r, Field{p ? p : handler, hpath + ".path", {}, {}, FieldFix{{}, spec.path}},
                 subject + " checks path " + in_quotes(p ? p.text() : "/") + "; the contract requires " +
                     in_quotes(spec.path));
    }
    if (!spec.port.empty()) {
      Node port = handler.get("port");
      // A name and the number of the containerPort it names are the same port.
      if (!port || resolve_port(c, port.text()) != resolve_port(c, spec.port)) {
        out.report(r, Field{port ? port : handler, hpath + ".port", {}, {}, FieldFix{{}, spec.port}},
                   subject + " targets port " + in_quotes(port.text()) + "; the contract requires port " +
                       in_quotes(spec.port));
      }
    }
    if (!spec.scheme.empty()) {
      Node scheme = handler.get("scheme");
      std::string_view actual = scheme ? scheme.text() : "HTTP";
      if (actual != spec.scheme) {
        out.report(r, Field{scheme ? scheme : handler, hpath + ".scheme", {}, {}, FieldFix{{}, spec.scheme}},
                   subject + " uses scheme " + std::string(actual) + "; the contract requires " + spec.scheme);
      }
    }
  }

  ContainerFilter containers_;
  std::vector<std::optional<HandlerSpec>> specs_;  // startup, liveness, readiness (kProbeKinds order)
};

// A handler spec the contract cannot parse, where the policy sets it.
std::optional<std::string> handler_problem(const ParamValue& value) {
  std::string error;
  parse_handler_spec(std::get<std::string>(value), error);
  return error.empty() ? std::nullopt : std::optional<std::string>(error);
}

std::optional<std::string> validate(const Params& p) {
  for (const auto& kind : kProbeKinds) {
    std::string error;
    parse_handler_spec(p.get_string(std::string(kind.name)), error);
    if (!error.empty()) return "parameter " + std::string(kind.name) + " " + error;
  }
  for (const auto& pattern : p.get_list("containers")) {
    RE2 re(pattern, RE2::Quiet);
    if (!re.ok()) return "containers pattern \"" + pattern + "\" is not valid RE2";
  }
  return std::nullopt;
}

}  // namespace

RuleDefinition probe_contract_mismatch_rule() {
  RuleDefinition def = define<ProbeContractMismatch>(RuleMeta{
      .id = "probe-contract-mismatch",
      .pack = "probes",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Probes must use the handlers the team's probe contract requires.",
      .rationale = "A team's services expose the same health endpoints (e.g. /health/live for liveness, /health/ready "
                   "for readiness, on the port named http); a chart that probes `/` or `/healthz`, another port or "
                   "plain TCP then restarts pods on the wrong signal or marks them ready too early. The contract is "
                   "stated per probe in the rule's parameters (usually in a scoped policy entry), e.g. `liveness: "
                   "\"httpGet /health/live port=http\"`; a probe name and the number of the containerPort it names are "
                   "the same port. Nothing is required until the parameters say so.",
      .remediation = "Make the probe match the contract, or change the contract in the policy if this service is "
                     "different (with a scope for it).",
      .automatic_fix = "the contract's path, port or scheme where the probe writes another (a missing probe or handler "
                       "is left to a person).",
      .params = {ParamSpec{"liveness", "required liveness handler, e.g. \"httpGet /health/live port=http\"",
                           std::string(), &handler_problem},
                 ParamSpec{"readiness", "required readiness handler", std::string(), &handler_problem},
                 ParamSpec{"startup", "required startup handler", std::string(), &handler_problem},
                 ParamSpec{"containers", "names (RE2, whole-name) of the containers bound by the contract; empty = all",
                           std::vector<std::string>{}, &re2_patterns_problem}}});
  def.validate = validate;
  return def;
}

}  // namespace chartproof::rules
