// plaintext-secret-in-env: an env var whose literal value is a secret.
#include "chartproof/finding.hpp"
#include "rules/rule_support.hpp"
#include "rules/secrets/secret_detector.hpp"

namespace chartproof::rules {
namespace {

class PlaintextSecretInEnv : public Rule {
 public:
  explicit PlaintextSecretInEnv(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    for (const Container& c : r.pod->containers) {
      Node env = c.node.get("env");
      for (std::size_t i = 0; i < env.size(); ++i) {
        Node var = env.item(i);
        Node value = var.get("value");
        if (!value.is_string()) continue;
        std::string_view name = var.get_text("name");
        Field at{value, c.path + ".env[" + std::to_string(i) + "].value"};
        if (auto holds = detector_.what_it_holds(name, value.text(), /*check_urls=*/true)) {
          out.report(r, at, "env var " + in_quotes(name) + " of " + c.describe() + " " + *holds);
        }
      }
    }
  }

 private:
  SecretDetector detector_;
};

}  // namespace

RuleDefinition plaintext_secret_in_env_rule() {
  return define<PlaintextSecretInEnv>(RuleMeta{
      .id = "plaintext-secret-in-env",
      .pack = "secrets",
      .severity = Severity::Error,
      .kinds = workload_kinds(),
      .summary = "Secrets must not be written as literal env values.",
      .rationale =
          "An env `value` is stored in the workload object: anyone who can read Deployments (kubectl get -o yaml, "
          "`helm get manifest`, the CI log of `helm template`) reads the secret, and it lands in git with the "
          "values file. A variable is reported when its name says it holds a secret (password, token, api key, "
          "private key, credential, auth, connection string) and its value is not empty, a placeholder "
          "(changeme, <...>, ${...}, $(VAR), {{ ... }}) or plainly not a secret (a boolean, a number, a path); "
          "and whatever its name when its value is a URL with a literal `user:password@` or a known credential "
          "format (see known-credential-pattern, which leaves env values to this rule).",
      .remediation =
          "Put the value in a Secret and reference it with `valueFrom.secretKeyRef` (or `envFrom.secretRef`); "
          "in a URL, use `$(DB_PASSWORD)` expansion of a variable that comes from a Secret.",
      .sensitive = /*sensitive=*/true});
}

}  // namespace chartproof::rules
