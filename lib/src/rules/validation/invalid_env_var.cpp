// invalid-env-var: an env entry the API server rejects: its name for the target version, value and
// valueFrom together, a valueFrom with no source or several, a key reference with a bad key.
#include <algorithm>
#include <array>

#include "rules/target_version.hpp"
#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

constexpr std::array<std::string_view, 5> kSources = {"fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef",
                                                      "fileKeyRef"};

// RelaxedEnvironmentVariableValidation is on by default from Kubernetes 1.32 (beta; GA in 1.34):
// any printable ASCII but '='. Before, names are C-like identifiers that may contain '-' and '.'.
bool relaxed_names(const LintOptions& options) {
  const int minor = target_kube_minor(options);
  return minor == 0 || minor >= 32;
}

class InvalidEnvVar : public Rule {
 public:
  explicit InvalidEnvVar(const Params&) {}
  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    const bool relaxed = relaxed_names(ctx.options);
    auto check_name = [&](std::string_view what, Node name, const std::string& at) {
      if (!name.is_scalar() || name.text().empty()) return;
      Messages m = relaxed ? relaxed_env_var_name(name.text()) : env_var_name(name.text());
      if (!m.empty()) {
        out.report(r, Field{name, at},
                   invalid(what, name.text(), m) + (relaxed ? "" : " (Kubernetes before 1.32; --kube-version)"));
      }
    };
    for (const Container& c : r.pod->containers) {
      for_each_item(c.node, "env", c.path, [&](Node e, const std::string& at) {
        check_name("env var name", e.get("name"), at + ".name");
        Node from = e.get("valueFrom");
        if (!from.is_map()) return;
        std::string subject = "env var " + shown_value(e.get_text("name")) + " of " + c.describe();
        Node value = e.get("value");
        if (value.is_scalar() && !value.is_null() && !value.text().empty()) {
          out.report(r, Field{from, at + ".valueFrom"},
                     subject +
                         " sets both value and valueFrom: valueFrom may not be specified when `value` is not "
                         "empty");
        }
        std::vector<std::string> set;
        for (std::size_t k = 0; k < from.size(); ++k) {  // document order: the second written is reported
          std::string_view key = from.key_at(k).text();
          if (std::find(kSources.begin(), kSources.end(), key) != kSources.end() && !from.value_at(k).is_null()) {
            set.emplace_back(key);
          }
        }
        if (set.empty()) {
          out.report(r, Field{from, at + ".valueFrom"},
                     subject +
                         ": valueFrom must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
                         "`secretKeyRef`");
        } else if (set.size() > 1) {
          out.report(r, Field{from.get(set[1]), at + ".valueFrom." + set[1]},
                     subject + ": valueFrom sets " + join_phrases(set) +
                         "; it may not have more than one field specified at a time");
        }
        check_field_ref(r, from, at + ".valueFrom", subject, out);
        for (std::string_view ref : {"configMapKeyRef", "secretKeyRef"}) {
          Node key = from.get(ref).get("key");
          if (!key.is_scalar() || key.text().empty()) continue;
          if (Messages m = config_map_key(key.text()); !m.empty()) {
            out.report(r, Field{key, at + ".valueFrom." + std::string(ref) + ".key"}, invalid("key", key.text(), m));
          }
        }
      });
      for_each_item(c.node, "envFrom", c.path, [&](Node e, const std::string& at) {
        check_name("envFrom prefix", e.get("prefix"), at + ".prefix");
        if (e.get("configMapRef") && e.get("secretRef")) {
          out.report(r, Field{e.get("secretRef"), at + ".secretRef"},
                     "envFrom of " + c.describe() +
                         " sets configMapRef and secretRef in one entry: may not have more than one field specified "
                         "at a time");
        }
      });
    }
  }

 private:
  // validateObjectFieldSelector and validateContainerResourceFieldSelector: the downward API fields
  // an env var may read.
  static void check_field_ref(const Resource& r, Node from, const std::string& at, const std::string& subject,
                              Reporter& out) {
    static constexpr std::array<std::string_view, 9> kFieldPaths = {
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs",     "status.podIP", "status.podIPs"};
    Node path = from.get("fieldRef").get("fieldPath");
    if (path.is_scalar() && !path.is_null()) {
      std::string_view p = path.text();
      const bool subscript =
          (p.starts_with("metadata.labels['") || p.starts_with("metadata.annotations['")) && p.ends_with("']");
      if (!subscript && std::find(kFieldPaths.begin(), kFieldPaths.end(), p) == kFieldPaths.end()) {
        std::string supported;
        for (auto f : kFieldPaths) supported += "\"" + std::string(f) + "\", ";
        out.report(r, Field{path, at + ".fieldRef.fieldPath"},
                   subject + ": fieldPath " + shown_value(p) + ": Unsupported value: supported values: " + supported +
                       "metadata.labels['KEY'], metadata.annotations['KEY']");
      }
    }
    static constexpr std::array<std::string_view, 6> kResources = {
        "limits.cpu",   "limits.memory",   "limits.ephemeral-storage",
        "requests.cpu", "requests.memory", "requests.ephemeral-storage"};
    Node resource = from.get("resourceFieldRef").get("resource");
    if (resource.is_scalar() && !resource.is_null()) {
      std::string_view v = resource.text();
      const bool hugepages = v.starts_with("limits.hugepages-") || v.starts_with("requests.hugepages-");
      if (!hugepages && std::find(kResources.begin(), kResources.end(), v) == kResources.end()) {
        out.report(r, Field{resource, at + ".resourceFieldRef.resource"},
                   subject + ": resource " + shown_value(v) +
                       ": Unsupported value: supported values: limits.cpu, limits.memory, limits.ephemeral-storage, "
                       "requests.cpu, requests.memory, requests.ephemeral-storage (or limits/requests.hugepages-*)");
      }
    }
  }
};

}  // namespace

RuleDefinition invalid_env_var_rule() {
  return define<InvalidEnvVar>(RuleMeta{
      .id = "invalid-env-var",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Env vars must have a valid name and exactly one of value or a single valueFrom source.",
      .rationale =
          "The API server validates each env entry (ValidateEnv, validateEnvVarValueFrom in "
          "pkg/apis/core/validation/validation.go): valueFrom may not be set when value is not empty, and names "
          "exactly one source (fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef); a key reference's key "
          "is a config key; a fieldRef reads a field the downward API offers env vars (metadata.name, "
          "metadata.namespace, metadata.uid, metadata.labels['KEY'], metadata.annotations['KEY'], spec.nodeName, "
          "spec.serviceAccountName, status.hostIP(s), status.podIP(s): validateObjectFieldSelector), a "
          "resourceFieldRef a container's cpu, memory, ephemeral-storage or hugepages request or limit. The name must "
          "be printable ASCII other than `=` from Kubernetes 1.32 "
          "(RelaxedEnvironmentVariableValidation, on by default) and before that `[-._a-zA-Z][-._a-zA-Z0-9]*` "
          "(IsEnvVarName), so this rule follows --kube-version; an envFrom prefix is checked the same way. A "
          "template that writes `value:` for a default and `valueFrom:` when a Secret is configured, without "
          "`else`, is the usual cause.",
      .remediation = "Write either `value` or `valueFrom` (`{{- if .Values.existingSecret }} valueFrom: … {{- else "
                     "}} value: … {{- end }}`), with one source in valueFrom."});
}

}  // namespace chartproof::rules
