#pragma once
// The string formats the Kubernetes API server checks beyond the OpenAPI schema, with its own
// wording: each check returns the API server's messages for a value, none when it is valid. They
// follow k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsQualifiedName, ...);
// tests/unit/test_api_formats.cpp runs them on the good and bad values of apimachinery's own
// validation_test.go. The validation pack and CEL's format library use them.
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::support {

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
Messages port_number(long long value);
/// MaxLenError: "must be no more than N characters".
std::string max_len_error(std::size_t n);  ///< IsValidPortNum: 1 to 65535

}  // namespace chartproof::support
