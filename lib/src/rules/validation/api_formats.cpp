// How the API server checks metadata.name per kind (see api_formats.hpp), and how messages show a
// value: pkg/api/validation/generic.go and each kind's ValidateXName in pkg/apis/*/validation.
#include "rules/validation/api_formats.hpp"

#include <algorithm>

#include "support/utf8.hpp"

namespace chartproof::rules::validation {

NameRule name_rule(std::string_view api_version, std::string_view kind) {
  std::string_view group = api_version.substr(0, api_version.find('/'));
  if (group == api_version) group = "";  // the core group: `v1`
  if (group.empty()) {
    if (kind == "Service") return {NameFormat::Dns1035Label, 0, "ValidateServiceName (NameIsDNS1035Label)"};
    if (kind == "Namespace") return {NameFormat::Dns1123Label, 0, "ValidateNamespaceName (NameIsDNSLabel)"};
  }
  if (group == "apps" && kind == "StatefulSet")
    return {NameFormat::Dns1123Label, 0, "ValidateStatefulSetName (NameIsDNSLabel)"};
  if (group == "batch" && kind == "CronJob")
    return {NameFormat::Dns1123Subdomain, 52, "ValidateCronJob (names of at most 63 - 11 characters)"};
  if (group == "rbac.authorization.k8s.io")
    return {NameFormat::PathSegment, 0, "ValidateRBACName (path.IsValidPathSegmentName)"};
  return {NameFormat::Dns1123Subdomain, 0, "NameIsDNSSubdomain"};
}

Messages check_name(const NameRule& rule, std::string_view name, bool generate_name) {
  std::string masked;
  if (generate_name && name.size() > 1 && name.back() == '-') {
    // maskTrailingDash: a generated suffix follows, so the trailing '-' is checked as a letter.
    masked = std::string(name.substr(0, name.size() - 2)) + "a";
    name = masked;
  }
  Messages out;
  switch (rule.format) {
    case NameFormat::Dns1123Subdomain:
      out = dns1123_subdomain(name);
      break;
    case NameFormat::Dns1123Label:
      out = dns1123_label(name);
      break;
    case NameFormat::Dns1035Label:
      out = dns1035_label(name);
      break;
    case NameFormat::PathSegment:
      out = path_segment_name(name);
      break;
  }
  if (rule.max_length != 0 && !generate_name && name.size() > rule.max_length)
    out.push_back(max_len_error(rule.max_length));
  return out;
}

// The first `count` characters of `value` (whole UTF-8 sequences), or its last ones.
static std::string_view first_characters(std::string_view value, std::size_t count) {
  std::size_t at = 0;
  for (; at < value.size() && count > 0; --count)
    at += std::max<std::size_t>(1, support::utf8_sequence_length(value, at));
  return value.substr(0, std::min(at, value.size()));
}
static std::string_view last_characters(std::string_view value, std::size_t count) {
  std::size_t at = value.size();
  while (at > 0 && count > 0) {
    --at;
    if ((static_cast<unsigned char>(value[at]) & 0xC0) != 0x80) --count;  // not a continuation byte
  }
  return value.substr(at);
}

std::string shown_value(std::string_view value) {
  const std::size_t characters = support::utf8_code_points(value);
  if (characters <= 40) return "\"" + std::string(value) + "\"";
  return "\"" + std::string(first_characters(value, 20)) + "…" + std::string(last_characters(value, 12)) + "\" (" +
         std::to_string(characters) + " characters)";
}

}  // namespace chartproof::rules::validation
