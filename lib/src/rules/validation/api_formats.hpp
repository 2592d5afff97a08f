#pragma once
// The string formats the Kubernetes API server checks beyond the OpenAPI schema, with its own
// wording: each check returns the API server's messages for a value, none when it is valid. They
// follow k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsQualifiedName, ...) and
// pkg/api/validation/generic.go (NameIsDNSSubdomain, ...); tests/unit/test_api_formats.cpp runs
// them on the good and bad values of apimachinery's own validation_test.go.
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::rules::validation {

using Messages = std::vector<std::string>;

Messages dns1123_label(std::string_view value);               ///< IsDNS1123Label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, <= 63
Messages dns1123_subdomain(std::string_view value);           ///< IsDNS1123Subdomain: labels joined by '.', <= 253
Messages dns1035_label(std::string_view value);               ///< IsDNS1035Label: starts with a letter, <= 63
Messages wildcard_dns1123_subdomain(std::string_view value);  ///< IsWildcardDNS1123Subdomain: `*.` + subdomain
Messages qualified_name(std::string_view value);        ///< IsQualifiedName: [prefix/]name, label and annotation keys
Messages label_value(std::string_view value);           ///< IsValidLabelValue: empty, or <= 63 of [-A-Za-z0-9_.]
Messages config_map_key(std::string_view value);        ///< IsConfigMapKey: [-._a-zA-Z0-9]+, <= 253, not `.`/`..`
Messages port_name(std::string_view value);             ///< IsValidPortName: IANA_SVC_NAME, <= 15, a letter
Messages env_var_name(std::string_view value);          ///< IsEnvVarName: [-._a-zA-Z][-._a-zA-Z0-9]*
Messages relaxed_env_var_name(std::string_view value);  ///< IsRelaxedEnvVarName: printable ASCII but '='
Messages path_segment_name(std::string_view value);     ///< path.IsValidPathSegmentName: no `/`, `%`, not `.`/`..`
Messages port_number(long long value);                  ///< IsValidPortNum: 1 to 65535

/// How the API server checks a kind's metadata.name (its ValidateNameFunc).
enum class NameFormat { Dns1123Subdomain, Dns1123Label, Dns1035Label, PathSegment };
struct NameRule {
  NameFormat format = NameFormat::Dns1123Subdomain;
  std::size_t max_length = 0;  ///< a kind's own, shorter limit (CronJob: 52); 0 for none
  std::string_view function;   ///< the Kubernetes function it follows, for messages and docs
};
/// The name rule of a built-in kind (by apiVersion group and kind); a custom resource's names are
/// DNS subdomains (the apiextensions server validates them with NameIsDNSSubdomain).
NameRule name_rule(std::string_view api_version, std::string_view kind);
/// The messages for `name` under `rule`; `generate_name` masks a trailing '-' as the API server
/// does for metadata.generateName (a suffix is appended to it).
Messages check_name(const NameRule& rule, std::string_view name, bool generate_name = false);

/// `"aaaa…aaaa" (64 characters)` for a long value, `"value"` for a short one: messages quote what
/// they judge without flooding the terminal with a 300-character annotation.
std::string shown_value(std::string_view value);

}  // namespace chartproof::rules::validation
