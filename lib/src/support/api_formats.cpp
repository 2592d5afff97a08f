// The API server's string formats (see api_formats.hpp). Written from the definitions in
// k8s.io/apimachinery/pkg/util/validation/validation.go (formats and messages) as character
// scans: each format is a short regular language, and a scan costs nothing per value.
#include "support/api_formats.hpp"

#include <cctype>

namespace chartproof::support {
namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// RegexError of validation.go: the message, its examples and the regex.
std::string regex_error(std::string_view msg, std::string_view fmt, std::initializer_list<std::string_view> examples) {
  std::string out(msg);
  if (examples.size() == 0) return out + " (regex used for validation is '" + std::string(fmt) + "')";
  out += " (e.g. ";
  bool first = true;
  for (auto e : examples) {
    if (!first) out += " or ";
    first = false;
    out += "'" + std::string(e) + "', ";
  }
  return out + "regex used for validation is '" + std::string(fmt) + "')";
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool is_label_form(std::string_view v) {
  if (v.empty() || !lower_alnum(v.front()) || !lower_alnum(v.back())) return false;
  for (char c : v) {
    if (!lower_alnum(c) && c != '-') return false;
  }
  return true;
}

bool is_subdomain_form(std::string_view v) {
  if (v.empty()) return false;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = v.find('.', start);
    if (!is_label_form(v.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start)))
      return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool is_qualified_name_part(std::string_view v) {
  if (v.empty() || !alnum(v.front()) || !alnum(v.back())) return false;
  for (char c : v) {
    if (!alnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

constexpr std::string_view kLabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kLabelMsg =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end "
    "with an alphanumeric character";
constexpr std::string_view kSubdomainFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
constexpr std::string_view kSubdomainMsg =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start "
    "and end with an alphanumeric character";
constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kQualifiedNameMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

void ch_dir_prefix(std::string_view value, Messages& out) {
  if (value == ".") {
    out.emplace_back("must not be '.'");
  } else if (value == "..") {
    out.emplace_back("must not be '..'");
  } else if (value.substr(0, 2) == "..") {
    out.emplace_back("must not start with '..'");
  }
}

}  // namespace

std::string max_len_error(std::size_t n) { return "must be no more than " + std::to_string(n) + " characters"; }

Messages dns1123_label(std::string_view value) {
  Messages out;
  if (value.size() > 63) out.push_back(max_len_error(63));
  if (!is_label_form(value)) out.push_back(regex_error(kLabelMsg, kLabelFmt, {"my-name", "123-abc"}));
  return out;
}

Messages dns1123_subdomain(std::string_view value) {
  Messages out;
  if (value.size() > 253) out.push_back(max_len_error(253));
  if (!is_subdomain_form(value)) out.push_back(regex_error(kSubdomainMsg, kSubdomainFmt, {"example.com"}));
  return out;
}

Messages dns1035_label(std::string_view value) {
  Messages out;
  if (value.size() > 63) out.push_back(max_len_error(63));
  if (!is_label_form(value) || !(value.front() >= 'a' && value.front() <= 'z')) {
    out.push_back(regex_error(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
        "character, and end with an alphanumeric character",
        "[a-z]([-a-z0-9]*[a-z0-9])?", {"my-name", "abc-123"}));
  }
  return out;
}

Messages wildcard_dns1123_subdomain(std::string_view value) {
  Messages out;
  if (value.size() > 253) out.push_back(max_len_error(253));
  if (value.substr(0, 2) != "*." || !is_subdomain_form(value.substr(2))) {
    out.push_back(regex_error(
        "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of "
        "lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
        std::string("\\*\\.") + std::string(kSubdomainFmt), {"*.example.com"}));
  }
  return out;
}

Messages qualified_name(std::string_view value) {
  Messages out;
  std::string_view name = value;
  std::size_t slash = value.find('/');
  if (slash != std::string_view::npos) {
    if (value.find('/', slash + 1) != std::string_view::npos) {
      out.push_back("a qualified name " +
                    regex_error(kQualifiedNameMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
                    " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return out;
    }
    std::string_view prefix = value.substr(0, slash);
    name = value.substr(slash + 1);
    if (prefix.empty()) {
      out.emplace_back("prefix part must be non-empty");
    } else {
      for (const auto& m : dns1123_subdomain(prefix)) out.push_back("prefix part " + m);
    }
  }
  if (name.empty()) {
    out.emplace_back("name part must be non-empty");
  } else if (name.size() > 63) {
    out.push_back("name part " + max_len_error(63));
  }
  if (!is_qualified_name_part(name)) {
    out.push_back("name part " + regex_error(kQualifiedNameMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}));
  }
  return out;
}

Messages label_value(std::string_view value) {
  Messages out;
  if (value.size() > 63) out.push_back(max_len_error(63));
  if (!value.empty() && !is_qualified_name_part(value)) {
    out.push_back(regex_error(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start "
        "and end with an alphanumeric character",
        "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", {"MyValue", "my_value", "12345"}));
  }
  return out;
}

Messages config_map_key(std::string_view value) {
  Messages out;
  if (value.size() > 253) out.push_back(max_len_error(253));
  bool chars_ok = !value.empty();
  for (char c : value) chars_ok = chars_ok && (alnum(c) || c == '-' || c == '.' || c == '_');
  if (!chars_ok) {
    out.push_back(regex_error("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                              "[-._a-zA-Z0-9]+", {"key.name", "KEY_NAME", "key-name"}));
  }
  ch_dir_prefix(value, out);
  return out;
}

Messages port_name(std::string_view value) {
  Messages out;
  if (value.size() > 15) out.push_back(max_len_error(15));
  bool charset = !value.empty(), letter = false;
  for (char c : value) {
    charset = charset && (lower_alnum(c) || c == '-');
    letter = letter || (c >= 'a' && c <= 'z');
  }
  if (!charset) out.emplace_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!letter) out.emplace_back("must contain at least one letter (a-z)");
  if (value.find("--") != std::string_view::npos) out.emplace_back("must not contain consecutive hyphens");
  if (!value.empty() && (value.front() == '-' || value.back() == '-'))
    out.emplace_back("must not begin or end with a hyphen");
  return out;
}

Messages env_var_name(std::string_view value) {
  Messages out;
  bool ok = !value.empty() && !(value.front() >= '0' && value.front() <= '9');
  for (char c : value) ok = ok && (alnum(c) || c == '-' || c == '.' || c == '_');
  if (!ok) {
    out.push_back(regex_error(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must "
        "not start with a digit",
        "[-._a-zA-Z][-._a-zA-Z0-9]*", {"my.env-name", "MY_ENV.NAME", "MyEnvName1"}));
  }
  ch_dir_prefix(value, out);
  return out;
}

Messages relaxed_env_var_name(std::string_view value) {
  Messages out;
  if (value.empty()) out.emplace_back("environment variable name must be non-empty");
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e || c == '=') {
      out.emplace_back(
          "a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return out;
}

Messages path_segment_name(std::string_view value) {
  Messages out;
  if (value == "." || value == "..") {
    out.push_back("may not be '" + std::string(value) + "'");
    return out;
  }
  for (std::string_view bad : {"/", "%"}) {
    if (value.find(bad) != std::string_view::npos) out.push_back("may not contain '" + std::string(bad) + "'");
  }
  return out;
}

Messages port_number(long long value) {
  if (value >= 1 && value <= 65535) return {};
  return {"must be between 1 and 65535, inclusive"};
}

}  // namespace chartproof::support
