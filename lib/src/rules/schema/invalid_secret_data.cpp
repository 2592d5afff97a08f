// invalid-secret-data: a Secret `data` or ConfigMap `binaryData` value that is not base64, which the
// API server rejects. The value itself is never printed (it may be a secret): only the offending
// byte's offset and what is wrong there.
#include "rules/rule_support.hpp"
#include "support/base64.hpp"

namespace chartproof::rules {
namespace {

class InvalidSecretData : public Rule {
 public:
  explicit InvalidSecretData(const Params&) {}

  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const char* section = r.ref.kind == "Secret" ? "data" : r.ref.kind == "ConfigMap" ? "binaryData" : nullptr;
    if (!section) return;
    Node data = r.root.get(section);
    if (!data.is_map()) return;  // a wrong shape is schema-violation's
    for (std::size_t i = 0; i < data.size(); ++i) {
      Node value = data.value_at(i);
      if (!value.is_string()) continue;  // null is an empty value; other types are schema-violation's
      auto decoded = support::decode_base64(value.text());
      if (decoded) continue;
      std::string_view key = data.key_at(i).text();
      out.report(r, Field{value, append_path_key(section, key)},
                 r.ref.kind + " " + in_quotes(r.ref.name) + " " + section + " " + in_quotes(key) +
                     " is not valid base64: " + decoded.error.what + " at offset " +
                     std::to_string(decoded.error.offset) + "; the API server rejects the object");
    }
  }
};

}  // namespace

RuleDefinition invalid_secret_data_rule() {
  RuleMeta meta{
      .id = "invalid-secret-data",
      .pack = "schema",
      .severity = Severity::Error,
      .kinds = {"Secret", "ConfigMap"},
      .summary = "Secret data and ConfigMap binaryData values must be base64.",
      .rationale =
          "The API server decodes each value of a Secret's `data` and a ConfigMap's `binaryData` as base64 "
          "(these fields are `map[string][]byte`, which Go's encoding/json decodes with "
          "`base64.StdEncoding`: the standard alphabet, `=` padding to a multiple of four, CR and LF "
          "ignored, anything else an error). A value that is not base64 (plain text, a byte that is not "
          "ASCII, missing padding) makes `kubectl apply` and `helm install` fail with `illegal base64 data at "
          "input byte N`. Plain text belongs in `stringData`, which the API server encodes itself. The "
          "message names the offending offset, never the value.",
      .remediation =
          "Encode the value (`{{ .Values.password | b64enc }}` in a template), or move the plain text to "
          "`stringData` (Secret) or `data` (ConfigMap)."};
  return define<InvalidSecretData>(std::move(meta));
}

}  // namespace chartproof::rules
