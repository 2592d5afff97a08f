#pragma once
// Finds known credential formats in a string: private keys, cloud and SaaS tokens, JWTs, URLs with
// passwords, and `password=...` assignments above an entropy floor.

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/secrets/secret_text.hpp"

namespace chartproof::rules {

/// What was found and where in the scanned string.
struct CredentialMatch {
  std::string kind;         ///< "AWS access key id", "private key", ...
  std::string_view secret;  ///< the credential itself (mask it before showing it)
  /// `an AWS access key id`, `a private key` — for messages.
  std::string described() const {
    bool vowel = !kind.empty() && std::string_view("AEIOUaeiou").find(kind[0]) != std::string_view::npos;
    return (vowel ? "an " : "a ") + kind;
  }
};

/// Compiled patterns; `find` is const and thread-safe.
class CredentialScanner {
 public:
  /// The one instance of the process, compiled on first use (SecretText::shared() says why).
  static const CredentialScanner& shared();
  CredentialScanner();
  /// The first credential in `text`, if any. Cheap for the common case: one RE2 pass rejects text
  /// without any of the patterns' keywords.
  std::optional<CredentialMatch> find(std::string_view text) const;
  /// Like find(), but only for credentials issued by third parties (cloud and SaaS tokens): the
  /// formats a chart can never generate itself, so they are worth reporting even inside a Secret.
  std::optional<CredentialMatch> find_issued_token(std::string_view text) const;
  /// Shannon entropy in bits per byte.
  static double entropy(std::string_view text);

 private:
  struct Pattern {
    std::string kind;
    std::unique_ptr<RE2> re;  ///< group 1 is the secret
    bool issued;              ///< a third-party token format (not a key a chart could generate)
  };
  std::optional<CredentialMatch> match_patterns(std::string_view text, bool issued_only) const;
  std::unique_ptr<RE2> prefilter_;
  std::vector<Pattern> patterns_;
  std::unique_ptr<RE2> assignment_;  // generic `password = value`, checked against the entropy floor
  const SecretText& text_ = SecretText::shared();
};

}  // namespace chartproof::rules
