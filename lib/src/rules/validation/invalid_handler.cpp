// invalid-handler: a probe or lifecycle hook with no handler, or with more than one.
#include <algorithm>
#include <array>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

struct HandlerSite {
  std::string_view path;  // under the container
  std::string_view what;
  std::array<std::string_view, 4> handlers;
};
constexpr std::array<HandlerSite, 5> kSites = {{
    {"livenessProbe", "liveness probe", {"exec", "httpGet", "tcpSocket", "grpc"}},
    {"readinessProbe", "readiness probe", {"exec", "httpGet", "tcpSocket", "grpc"}},
    {"startupProbe", "startup probe", {"exec", "httpGet", "tcpSocket", "grpc"}},
    {"lifecycle.postStart", "postStart hook", {"exec", "httpGet", "tcpSocket", "sleep"}},
    {"lifecycle.preStop", "preStop hook", {"exec", "httpGet", "tcpSocket", "sleep"}},
}};

class InvalidHandler : public Rule {
 public:
  explicit InvalidHandler(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      for (const auto& site : kSites) {
        Node node = c.node.at_path(site.path);
        if (!node.is_map()) continue;
        std::string at = c.path + "." + std::string(site.path);
        std::vector<std::string> set;
        // In document order: the second handler written is the one a merge added.
        for (std::size_t k = 0; k < node.size(); ++k) {
          std::string_view key = node.key_at(k).text();
          if (std::find(site.handlers.begin(), site.handlers.end(), key) != site.handlers.end() &&
              !node.value_at(k).is_null()) {
            set.emplace_back(key);
          }
        }
        std::string subject = std::string(site.what) + " of " + c.describe();
        if (set.empty()) {
          out.report(r, Field{node, at},
                     subject + " must specify a handler type (one of " +
                         join_phrases({std::string(site.handlers[0]), std::string(site.handlers[1]),
                                       std::string(site.handlers[2]), std::string(site.handlers[3])},
                                      "or") +
                         ")");
        } else if (set.size() == 1) {
          check_port(r, node.get(set[0]).get("port"), at + "." + set[0] + ".port", subject, out);
        } else {
          out.report(r, Field{node.get(set[1]), at + "." + set[1]},
                     subject + " sets " + join_phrases(set) + ": may not specify more than 1 handler type");
        }
      }
    }
  }

 private:
  // ValidatePortNumOrName: a number 1-65535, or (httpGet, tcpSocket) an IANA port name.
  static void check_port(const Resource& r, Node port, const std::string& at, const std::string& subject,
                         Reporter& out) {
    if (!port.is_scalar() || port.is_null()) return;
    Messages m = port.as_int() ? port_number(*port.as_int()) : port_name(port.text());
    if (!m.empty()) out.report(r, Field{port, at}, invalid(subject + " port", port.text(), m));
  }
};

}  // namespace

RuleDefinition invalid_handler_rule() {
  return define<InvalidHandler>(RuleMeta{
      .id = "invalid-handler",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Each probe and lifecycle hook must name exactly one handler, with a valid port.",
      .rationale =
          "The API server validates probes and lifecycle hooks (validateHandler, validateLifecycleHandler in "
          "pkg/apis/core/validation/validation.go): exactly one of exec, httpGet, tcpSocket or grpc for a probe "
          "(exec, httpGet, tcpSocket or sleep for a hook), and a handler's port is a number 1-65535 or, for httpGet "
          "and "
          "tcpSocket, an IANA port name (ValidatePortNumOrName). A values file that overrides `httpGet` with `exec` "
          "merges into a probe with both (Helm merges maps, it does not replace them), and a probe reduced to "
          "its timings has none.",
      .remediation = "Keep one handler; to switch handlers from values, null the other one (`httpGet: null`) or "
                     "build the probe in the template from one field."});
}

}  // namespace chartproof::rules
