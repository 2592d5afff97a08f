// invalid-data-key: ConfigMap and Secret keys the API server rejects, keys a Secret type requires,
// and data over 1 MiB.
#include <array>
#include <set>

#include "rules/validation/validation_support.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

constexpr std::size_t kMaxSize = std::size_t{1024} * 1024;  // MaxSecretSize, the limit of ConfigMaps too

// Bytes a base64 text decodes to (Secret data and binaryData are base64 in YAML).
std::size_t decoded_size(std::string_view text) {
  std::size_t n = 0, pad = 0;
  for (char c : text) {
    if (c == '=')
      ++pad;
    else if (c != '\n' && c != '\r' && c != ' ')
      ++n;
  }
  return (n + pad) / 4 * 3 - std::min<std::size_t>(pad, 2);
}

struct RequiredKeys {
  std::string_view type;
  std::vector<std::string_view> all;  // every one required
  bool any = false;                   // at least one of `all` instead
};
const std::array<RequiredKeys, 5> kRequired = {{
    {"kubernetes.io/dockercfg", {".dockercfg"}},
    {"kubernetes.io/dockerconfigjson", {".dockerconfigjson"}},
    {"kubernetes.io/basic-auth", {"username", "password"}, true},
    {"kubernetes.io/ssh-auth", {"ssh-privatekey"}},
    {"kubernetes.io/tls", {"tls.crt", "tls.key"}},
}};

class InvalidDataKey : public Rule {
 public:
  explicit InvalidDataKey(const Params&) {}
  void check(const Resource& r, const RuleContext&, Reporter& out) const override {
    const bool secret = r.ref.kind == "Secret";
    std::set<std::string_view> keys;
    std::size_t total = 0;
    for (std::string_view bag : secret ? std::array<std::string_view, 2>{"data", "stringData"}
                                       : std::array<std::string_view, 2>{"data", "binaryData"}) {
      Node map = r.root.get(bag);
      for (std::size_t i = 0; map.is_map() && i < map.size(); ++i) {
        Node key = map.key_at(i), value = map.value_at(i);
        std::string at = append_path_key(std::string(bag), key.text());
        if (Messages m = config_map_key(key.text()); !m.empty()) {
          out.report(r, Field{key, at}, invalid("key", key.text(), m) + " (IsConfigMapKey)");
        }
        if (!secret && bag == "binaryData" && r.root.get("data").get(key.text())) {
          out.report(r, Field{key, at},
                     "key " + shown_value(key.text()) +
                         " is in both data and binaryData; the API server rejects "
                         "the duplicate (ValidateConfigMap)");
        }
        keys.insert(key.text());
        if (!value.is_scalar()) continue;
        const bool base64 = (secret && bag == "data") || bag == "binaryData";
        total += base64 ? decoded_size(value.text()) : value.text().size();
      }
    }
    if (total > kMaxSize) {
      out.report(r, Field{r.root.get("data") ? r.root.get("data") : r.metadata, "data"},
                 r.ref.kind + " data totals " + std::to_string(total) +
                     " bytes: may not be more than 1048576 bytes (MaxSecretSize)");
    }
    if (!secret) return;
    Node type = r.root.get("type");
    for (const auto& req : kRequired) {
      if (type.text() != req.type) continue;
      std::vector<std::string> missing;
      for (auto k : req.all) {
        if (!keys.contains(k)) missing.push_back("\"" + std::string(k) + "\"");
      }
      if (missing.empty() || (req.any && missing.size() < req.all.size())) continue;
      out.report(r, Field{type, "type"},
                 "a Secret of type " + std::string(req.type) + " needs the data " +
                     (missing.size() > 1 ? "keys " : "key ") + join_phrases(missing, req.any ? "or" : "and") +
                     " (ValidateSecret)");
    }
    if (type.text() == "kubernetes.io/service-account-token" &&
        r.metadata.get("annotations").get_text("kubernetes.io/service-account.name").empty()) {
      out.report(r, Field{type, "type"},
                 "a Secret of type kubernetes.io/service-account-token needs the annotation "
                 "kubernetes.io/service-account.name (ValidateSecret)");
    }
  }
};

}  // namespace

RuleDefinition invalid_data_key_rule() {
  return define<InvalidDataKey>(RuleMeta{
      .id = "invalid-data-key",
      .pack = "validation",
      .severity = Severity::Error,
      .kinds = {"ConfigMap", "Secret"},
      .summary = "ConfigMap and Secret keys must be valid config keys, and typed Secrets must carry their keys.",
      .rationale =
          "The API server validates ConfigMaps and Secrets (ValidateConfigMap, ValidateSecret in "
          "pkg/apis/core/validation/validation.go): each key of data, binaryData and stringData must be at most "
          "253 characters of `[-._a-zA-Z0-9]` and not `.`, `..` or start with `..` (IsConfigMapKey); a ConfigMap "
          "key may not be in both data and binaryData; the data may not exceed 1 MiB (MaxSecretSize); a Secret of "
          "type kubernetes.io/tls needs tls.crt and tls.key, dockerconfigjson its .dockerconfigjson, ssh-auth "
          "ssh-privatekey, basic-auth a username or password, and a service-account-token Secret the "
          "kubernetes.io/service-account.name annotation. A file name with a space or a path with `/` used as a "
          "key (`.Files.Glob` output) is the usual cause.",
      .remediation = "Rename the key (a file's base name, `base`), or mount a folder with several keys instead of "
                     "one key with a path; move large content out of the ConfigMap."});
}

}  // namespace chartproof::rules
