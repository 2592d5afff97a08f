#pragma once
// One decision for "does this named value hold a secret?", shared by the rules that inspect
// name/value pairs (env vars, ConfigMap keys), so they report the same things the same way.

#include <optional>
#include <string>
#include <string_view>

#include "chartproof/finding.hpp"
#include "rules/secrets/credential_scanner.hpp"
#include "rules/secrets/secret_text.hpp"

namespace chartproof::rules {

/// Classifies a name/value pair; `what_it_holds` returns the message tail, secrets masked.
class SecretDetector {
 public:
  /// `holds a literal secret ("hunt…")`, `holds a URL with a literal password (...)`,
  /// `holds an AWS access key id ("AKIA…")`, or nullopt when the value is not a secret.
  /// `check_urls` reports URLs with passwords whatever the name (env vars); otherwise they are
  /// found as one of the credential formats.
  /// `at`, when given, receives where in `value` the secret starts (a credential inside a config
  /// file kept in one string), so a finding can name its line.
  std::optional<std::string> what_it_holds(std::string_view name, std::string_view value, bool check_urls,
                                           std::size_t* at = nullptr) const {
    const SecretText& text = SecretText::shared();
    if (check_urls) {
      if (auto url = text.url_credential(value)) return "holds a URL with a literal password (" + url->masked_url + ")";
    }
    if (text.is_literal_secret(name, value)) return "holds a literal secret (\"" + mask_secret(value) + "\")";
    if (auto found = CredentialScanner::shared().find(value)) {
      if (at && found->secret.data() >= value.data() && found->secret.data() <= value.data() + value.size()) {
        *at = static_cast<std::size_t>(found->secret.data() - value.data());
      }
      return "holds " + found->described() + " (\"" + mask_secret(found->secret) + "\")";
    }
    return std::nullopt;
  }
};

}  // namespace chartproof::rules
