// known-credential-pattern: a known credential format anywhere in a resource.

#include "chartproof/finding.hpp"
#include "rules/rule_support.hpp"
#include "rules/secrets/credential_scanner.hpp"
#include "support/base64.hpp"

namespace chartproof::rules {
namespace {

class KnownCredentialPattern : public Rule {
 public:
  explicit KnownCredentialPattern(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    // CRD schemas are documentation, not configuration.
    if (r.ref.kind == "CustomResourceDefinition") return;
    FieldTrail path;
    walk(r, r.root, path, out);
  }

 private:
  // Strings other secrets rules own: env values (plaintext-secret-in-env) and ConfigMap data
  // (credential-in-configmap). Each string is reported by exactly one rule.
  static bool owned_elsewhere(const Resource& r, const FieldTrail& path) {
    std::size_t n = path.size();
    if (r.ref.kind == "ConfigMap" && n >= 1 && !path[0].is_index &&
        (path[0].key == "data" || path[0].key == "binaryData"))
      return true;
    return r.pod && n >= 3 && !path[n - 1].is_index && path[n - 1].key == "value" && path[n - 2].is_index &&
           !path[n - 3].is_index && path[n - 3].key == "env";
  }

  void walk(const Resource& r, Node node, FieldTrail& path, Reporter& out) const {
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        path.push_back(TrailStep{node.key_at(i).text(), 0, false});
        walk(r, node.value_at(i), path, out);
        path.pop_back();
      }
    } else if (node.is_seq()) {
      for (std::size_t i = 0; i < node.size(); ++i) {
        path.push_back(TrailStep{{}, i, true});
        walk(r, node.item(i), path, out);
        path.pop_back();
      }
    } else if (node.is_string() && node.text().size() >= 8) {
      if (owned_elsewhere(r, path)) return;
      std::string_view text = node.text();
      std::string decoded;
      bool base64 = r.ref.kind == "Secret" && path.size() == 2 && path[0].key == "data";
      if (base64) {
        auto bytes = support::decode_base64(text);
        if (!bytes) return;  // not base64: the API server rejects it, invalid-secret-data reports it
        decoded = std::move(*bytes.bytes);
        text = decoded;
      }
      // In a Secret, keys, passwords and URLs are where they belong (charts generate them per render;
      // a default baked into the chart is hardcoded-secret-data's to find). Third-party tokens are not
      // something a chart generates, so they are still reported.
      bool in_secret_data =
          r.ref.kind == "Secret" && path.size() == 2 && (path[0].key == "data" || path[0].key == "stringData");
      auto found =
          in_secret_data ? CredentialScanner::shared().find_issued_token(text) : CredentialScanner::shared().find(text);
      if (found) {
        out.report(r, Field{node, render_trail(path)},
                   std::string(base64 ? "base64-decoded value of " : "") + in_quotes(render_trail(path)) + " holds " +
                       found->described() + " (\"" + mask_secret(found->secret) + "\")");
      }
    }
  }
};

}  // namespace

RuleDefinition known_credential_pattern_rule() {
  return define<KnownCredentialPattern>(RuleMeta{
      .id = "known-credential-pattern",
      .pack = "secrets",
      .severity = Severity::Error,
      .summary = "No string of a resource may contain a known credential format.",
      .rationale =
          "Private key blocks, AWS access key ids, GitHub, GitLab, Slack, Stripe, OpenAI and Google API tokens, "
          "JSON Web Tokens, URLs with `user:password@`, and random-looking `password=`/`token=` assignments are "
          "recognised wherever they appear: annotations, args and command, custom resources, and Secret data "
          "(base64-decoded). Inside Secret data only third-party tokens are reported (cloud and SaaS tokens a "
          "chart cannot have generated): private keys, passwords and URLs with passwords belong in Secrets. Each "
          "format has a "
          "keyword that must be present, so the scan stays fast, and generic assignments must clear an entropy "
          "floor, so placeholders and template leftovers stay quiet. Env values and ConfigMap data are left to "
          "plaintext-secret-in-env and credential-in-configmap, so a string is reported once. CRD schemas are "
          "not scanned.",
      .remediation =
          "Remove the credential from the manifest: supply it at install time into a Secret (or use an external "
          "secret store), and rotate it, since it has been exposed.",
      .sensitive = /*sensitive=*/true});
}

}  // namespace chartproof::rules
