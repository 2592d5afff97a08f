// credential-in-configmap: a ConfigMap entry that holds a secret.
#include "chartproof/finding.hpp"
#include "rules/rule_support.hpp"
#include "rules/secrets/secret_detector.hpp"

namespace chartproof::rules {
namespace {

class CredentialInConfigMap : public Rule {
 public:
  explicit CredentialInConfigMap(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    Node data = r.root.get("data");
    for (std::size_t i = 0; i < data.size(); ++i) {
      std::string_view key = data.key_at(i).text();
      Node value = data.value_at(i);
      if (!value.is_scalar()) continue;
      Field at{value, append_path_key("data", key)};
      std::size_t offset = 0;
      if (auto holds = detector_.what_it_holds(key, value.text(), /*check_urls=*/false, &offset)) {
        // A credential inside a config file kept in the entry: at its line.
        if (offset > 0) at.offset = offset;
        out.report(r, at, "ConfigMap key " + in_quotes(key) + " " + *holds);
      }
    }
  }

 private:
  SecretDetector detector_;
};

}  // namespace

RuleDefinition credential_in_configmap_rule() {
  return define<CredentialInConfigMap>(RuleMeta{
      .id = "credential-in-configmap",
      .pack = "secrets",
      .severity = Severity::Error,
      .kinds = {"ConfigMap"},
      .summary = "ConfigMaps must not hold credentials.",
      .rationale =
          "ConfigMaps are not secret: they are readable by anyone with `get configmaps` (a much wider RBAC grant "
          "than secrets), printed by `kubectl describe`, and not encrypted at rest. A key is reported when its "
          "name says it holds a secret and its value is not a placeholder, and any value is reported when it "
          "contains a known credential format (a private key, a cloud or SaaS token, a URL with a password, or a "
          "random-looking `password=` in a config file); one inside a config file kept as a literal block "
          "(`app.properties: |`) is reported at its own line, where it is edited.",
      .remediation =
          "Move the value to a Secret and mount or reference that instead; keep only non-secret settings in the "
          "ConfigMap.",
      .sensitive = /*sensitive=*/true});
}

}  // namespace chartproof::rules
