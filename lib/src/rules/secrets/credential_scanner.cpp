#include "rules/secrets/credential_scanner.hpp"

#include <array>
#include <cctype>
#include <cmath>

namespace chartproof::rules {
namespace {

RE2::Options quiet() {
  RE2::Options o;
  o.set_log_errors(false);
  return o;
}

// Documentation examples that are not secrets (AWS, JWT.io).
constexpr std::array<std::string_view, 3> kKnownExamples = {
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"};

// A random-looking value mixes character classes; `get_secret_value` or `my-tls-secret` do not.
bool mixes_character_classes(std::string_view s) {
  bool lower = false, upper = false, digit = false, symbol = false;
  for (unsigned char c : s) {
    if (std::islower(c))
      lower = true;
    else if (std::isupper(c))
      upper = true;
    else if (std::isdigit(c))
      digit = true;
    else if (c != '-' && c != '_' && c != '.' && c != '/')
      symbol = true;
  }
  return lower + upper + digit + symbol >= 2;
}

}  // namespace

const CredentialScanner& CredentialScanner::shared() {
  static const CredentialScanner scanner;
  return scanner;
}

CredentialScanner::CredentialScanner() {
  // Every pattern below contains one of these keywords; text without any is rejected in one pass.
  prefilter_ = std::make_unique<RE2>(
      R"(PRIVATE KEY|AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|hooks\.slack\.com|_live_|sk-|AIza|eyJ|)"
      R"(://[^/\s:@]*:[^/\s@]+@|(?i:pass|secret|token|api_?key))",
      quiet());
  auto add = [&](std::string kind, const char* re, bool issued = true) {
    patterns_.push_back(Pattern{std::move(kind), std::make_unique<RE2>(re, quiet()), issued});
  };
  add("private key", R"((-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----))", false);
  add("AWS access key id", R"(\b((?:AKIA|ASIA)[0-9A-Z]{16})\b)");
  add("GitHub token", R"(\b((?:gh[pousr]_[A-Za-z0-9]{36})|github_pat_[A-Za-z0-9_]{60,}))");
  add("GitLab token", R"(\b(glpat-[A-Za-z0-9_-]{20,}))");
  add("Slack token", R"(\b(xox[abposr]-[A-Za-z0-9-]{10,}))");
  add("Slack webhook", R"((https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+))");
  add("Stripe key", R"(\b((?:sk|rk)_live_[A-Za-z0-9]{20,}))");
  add("OpenAI key", R"(\b(sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{48})\b)");
  add("Google API key", R"(\b(AIza[0-9A-Za-z_-]{35}))");
  add("JSON Web Token", R"(\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}))", false);
  assignment_ = std::make_unique<RE2>(
      R"((?i)(?:password|passwd|secret|token|api_?key)["']?\s*[:=]\s*["']?([^\s"',;{}()<>$]{8,}))", quiet());
}

double CredentialScanner::entropy(std::string_view text) {
  if (text.empty()) return 0;
  std::array<std::size_t, 256> counts{};
  for (unsigned char c : text) ++counts[c];
  double bits = 0;
  for (std::size_t n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / static_cast<double>(text.size());
    bits -= p * std::log2(p);
  }
  return bits;
}

std::optional<CredentialMatch> CredentialScanner::match_patterns(std::string_view text, bool issued_only) const {
  re2::StringPiece secret;
  for (const auto& p : patterns_) {
    if (issued_only && !p.issued) continue;
    if (!RE2::PartialMatch(text, *p.re, &secret)) continue;
    std::string_view s(secret.data(), secret.size());
    bool example = false;
    for (auto ex : kKnownExamples)
      example |= s.find(ex) != std::string_view::npos || text.find(ex) != std::string_view::npos;
    if (!example) return CredentialMatch{p.kind, s};
  }
  return std::nullopt;
}

std::optional<CredentialMatch> CredentialScanner::find_issued_token(std::string_view text) const {
  if (text.size() < 8 || !RE2::PartialMatch(text, *prefilter_)) return std::nullopt;
  return match_patterns(text, true);
}

std::optional<CredentialMatch> CredentialScanner::find(std::string_view text) const {
  if (text.size() < 8 || !RE2::PartialMatch(text, *prefilter_)) return std::nullopt;
  if (auto m = match_patterns(text, false)) return m;
  re2::StringPiece secret;
  if (auto url = text_.url_credential(text)) {
    std::size_t at = text.find("://");
    return CredentialMatch{"URL with a password", text.substr(at == std::string_view::npos ? 0 : at + 3)};
  }
  // Generic assignments only count when the value looks random (entropy floor), so that
  // `password: changeme` or `token_file=/var/run/token` in a config file stays quiet. Every
  // assignment is tried: a script's first one may read the environment and a later one be literal.
  re2::StringPiece rest(text.data(), text.size());
  while (RE2::FindAndConsume(&rest, *assignment_, &secret)) {
    std::string_view s(secret.data(), secret.size());
    // The whole rest of the line decides whether it is code (`os.environ["X"]`, `getEnvVar('X')`).
    std::string_view from_value = text.substr(static_cast<std::size_t>(s.data() - text.data()));
    if (!text_.is_placeholder(s) && !text_.is_non_secret_shape(s) && !text_.is_lookup(from_value) &&
        mixes_character_classes(s) && entropy(s) >= 3.0) {
      return CredentialMatch{"password assignment", s};
    }
  }
  return std::nullopt;
}

}  // namespace chartproof::rules
