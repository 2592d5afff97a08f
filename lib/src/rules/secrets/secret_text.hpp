#pragma once
// Decides whether a name and a value look like a literal secret, without crying wolf on
// placeholders, template leftovers, paths, booleans and numbers.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::rules {

/// A URL with `user:password@` whose password is a literal.
struct UrlCredential {
  std::string masked_url;  ///< the URL with the password replaced by mask_secret(password)
};

/// Compiled patterns for secret detection; const and thread-safe.
class SecretText {
 public:
  /// The one instance of the process, compiled on first use: compiling the patterns costs more
  /// than linting a small file, and several rules use them (callgrind: three rules compiling their
  /// own made up 59 of the 136 million instructions of linting examples/todo-app/rendered.yaml).
  static const SecretText& shared();
  SecretText();
  /// A key or variable name that names a secret (DB_PASSWORD, apiKey, client-secret, ...).
  bool is_secret_name(std::string_view name) const;
  /// A value that stands in for a secret rather than being one (changeme, ${X}, {{ .x }}, <password>, ...).
  bool is_placeholder(std::string_view value) const;
  /// A value too plain to be a secret: booleans, numbers, paths, prose.
  bool is_non_secret_shape(std::string_view value) const;
  /// Code that reads a secret from elsewhere rather than holding one, at the start of `value`:
  /// `getEnvVar('ELASTIC_PASSWORD')`, `process.env.X`, `os.environ["X"]`, `${env:X}`, `$X`, `%env(X)%`.
  bool is_lookup(std::string_view value) const;
  /// True when `value` under `name` is a literal secret worth reporting.
  bool is_literal_secret(std::string_view name, std::string_view value) const;
  /// A URL carrying a literal password, if `value` holds one.
  std::optional<UrlCredential> url_credential(std::string_view value) const;

 private:
  RE2 secret_name_;
  RE2 non_secret_name_;
  RE2 placeholder_;
  RE2 placeholder_word_;
  RE2 not_secret_word_;
  RE2 settings_list_;
  RE2 lookup_;
  RE2 url_credential_;
};

}  // namespace chartproof::rules
