#pragma once
// The API server's checks of metadata.name per kind (NameIsDNSSubdomain, ValidateServiceName, ...
// in pkg/api/validation/generic.go and pkg/apis/*/validation), over the string formats of
// support/api_formats.hpp, which this pack uses under their own names.
#include <string>
#include <string_view>

#include "support/api_formats.hpp"

namespace chartproof::rules::validation {

using support::config_map_key;
using support::dns1035_label;
using support::dns1123_label;
using support::dns1123_subdomain;
using support::env_var_name;
using support::label_value;
using support::max_len_error;
using support::Messages;
using support::path_segment_name;
using support::port_name;
using support::port_number;
using support::qualified_name;
using support::relaxed_env_var_name;
using support::wildcard_dns1123_subdomain;

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
