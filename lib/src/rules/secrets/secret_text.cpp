#include "rules/secrets/secret_text.hpp"

#include <algorithm>
#include <cctype>

#include "chartproof/finding.hpp"

namespace chartproof::rules {
namespace {

RE2::Options case_insensitive() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

const SecretText& SecretText::shared() {
  static const SecretText text;
  return text;
}

SecretText::SecretText()
    : secret_name_(
          R"((passw(or)?d|passwd|pwd|passphrase|secret|token|api[_.-]?key|private[_.-]?key|credential|)"
          R"((^|[_.-])auth([_.-]|$)|auth[_.-]?(key|token|pass)|access[_.-]?key|signing[_.-]?key|encryption[_.-]?key|)"
          R"(master[_.-]?key|session[_.-]?key|connection[_.-]?string|conn[_.-]?str))",
          case_insensitive()),
      // Names that talk about a secret without holding one: where it is, what kind, how long it lives.
      non_secret_name_(
          R"([_.-]?(file|path|dir|enabled?|mode|type|method|provider|url|uri|endpoint|host|port|name|ref|)"
          R"(user(name)?|header|timeout|ttl|expiry|expiration|lifetime|length|size|version|id|issuer|audience|)"
          R"(algorithm|scheme|realm|strategy|policy|format|location|kind|class|count|interval|duration|)"
          R"(seconds|minutes|hours|days|key[_.-]?ref|secret[_.-]?ref|existing[_.-]?secret|mount|volume|)"
          R"(enable|disabled?|required|optional|rotation|refresh|prefix|suffix|cmd|command|script|ips?|cidrs?|)"
          R"(hosts|addresses|list|allow[_.-]?list|)"
          // bitnami's secretKeys.adminPasswordKey: the name of the key inside a Secret, not a password
          R"(passw(or)?d[_.-]?key|token[_.-]?key)$|)"
          // a key that names a file (create_auth_db.sh, basic_auth.ini) holds a file, not a value
          R"(\.(sh|bash|ini|ya?ml|json|xml|toml|conf|cfg|properties|py|js|lua|tpl|txt|sql|crt|pem|pub)$)",
          case_insensitive()),
      placeholder_(
          R"(^(change[_.-]?me|change[_.-]?it|replace[_.-]?me|replace[_.-]?this|todo|tbd|fixme|dummy|example|)"
          R"(sample|placeholder|secret|password|passwd|none|null|nil|undefined|default|test|redacted|masked|)"
          R"(not[_.-]?set|unset|empty|\x{2026}|x{3,}|\*+|\.{3,}|-+|_+|<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|)"
          R"(%[A-Za-z0-9_]+%|your[_. -].*|.*[_. -]here|\[.*\])$)",
          case_insensitive()),
      placeholder_word_(R"(placeholder|change[_.-]?me|replace[_.-]?me|example|dummy|redacted|x{4,}|\*{4,})",
                        case_insensitive()),
      // "author" contains "auth"; etcd's initial cluster token is documented as public.
      not_secret_word_("author|cluster[_.-]?token", case_insensitive()),
      settings_list_(R"(^[\w.-]+(=[^,]*)?(,[\w.-]+=[^,]*)+$)"),
      // Reads of the environment or a secret store in shell, JS, Python, Java, .NET, Ruby, Perl,
      // PHP, Symfony and ${env:X} configs, and any call whose argument is a quoted name or an
      // identifier (`getEnvVar('X')`, `readSecret("db")`, `env(DB_PASSWORD)`): the value is computed.
      lookup_(R"(^["']?(\$[A-Z_][A-Z0-9_]*\b|\$\{|%env\(|process\.env\b|(os\.)?environ(\[|\.get\()|)"
              R"(\$ENV\{|ENV(\[|\.fetch\()|[A-Za-z_][\w.:]*\s*\(\s*(["'][^"'\n]*["']|[A-Za-z_][\w.]*)\s*[,)]))"),
      url_credential_(R"(([a-zA-Z][a-zA-Z0-9+.-]*://)([^/\s:@]*):([^/\s@]+)@)") {}

bool SecretText::is_secret_name(std::string_view name) const {
  return RE2::PartialMatch(name, secret_name_) && !RE2::PartialMatch(name, non_secret_name_) &&
         !RE2::PartialMatch(name, not_secret_word_);
}

bool SecretText::is_placeholder(std::string_view value) const {
  value = trim(value);
  return value.empty() || RE2::FullMatch(value, placeholder_) || RE2::PartialMatch(value, placeholder_word_);
}

bool SecretText::is_non_secret_shape(std::string_view value) const {
  value = trim(value);
  if (value.size() < 4) return true;
  static constexpr std::string_view kWords[] = {"true", "false", "yes", "no", "on", "off", "enabled", "disabled"};
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords)) return true;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c) || c == '.' || c == '-'; }))
    return true;
  bool has_space = value.find_first_of(" \t") != std::string_view::npos;
  if ((value.front() == '/' || value.substr(0, 2) == "./") && !has_space) return true;  // a file path
  if (RE2::FullMatch(value, settings_list_)) return true;               // `jwt,priv-key=a.pem,ttl=10m`: settings
  bool one_line = value.find('\n') == std::string_view::npos;           // PEM blocks have spaces too
  return one_line && std::count(value.begin(), value.end(), ' ') >= 3;  // prose, not a credential
}

bool SecretText::is_lookup(std::string_view value) const {
  // A call or reference fits in its first 256 bytes; bounding the look keeps a scan over many
  // assignments of one huge line linear.
  value = value.substr(0, 256);
  value = trim(value.substr(0, value.find('\n')));
  return RE2::PartialMatch(value, lookup_);
}

bool SecretText::is_literal_secret(std::string_view name, std::string_view value) const {
  return is_secret_name(name) && !is_placeholder(value) && !is_non_secret_shape(value) && !is_lookup(value);
}

std::optional<UrlCredential> SecretText::url_credential(std::string_view value) const {
  re2::StringPiece scheme, user, password_piece;
  re2::StringPiece input(value.data(), value.size());
  if (!RE2::FindAndConsume(&input, url_credential_, &scheme, &user, &password_piece)) return std::nullopt;
  std::string_view password(password_piece.data(), password_piece.size());
  if (is_placeholder(password)) return std::nullopt;
  // Show scheme, user and host only: the path or query could hold more secrets.
  auto password_at = static_cast<std::size_t>(password.data() - value.data());
  std::string masked(value.substr(0, password_at));
  masked += mask_secret(password);
  std::string_view rest = value.substr(password_at + password.size());
  masked += rest.substr(0, rest.find_first_of("/?# \t"));
  return UrlCredential{std::move(masked)};
}

}  // namespace chartproof::rules
