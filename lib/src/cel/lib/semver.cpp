// Kubernetes' semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go, from 1.33): semver,
// isSemver (optionally normalising `v1.2` to `1.2.0`), major, minor, patch, isGreaterThan,
// isLessThan, compareTo; versions and precedence as semver.org 2.0.0 (blang/semver's Parse).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cel/library.hpp"

namespace chartproof::cel {
namespace {

struct Version {
  std::uint64_t major = 0, minor = 0, patch = 0;
  std::vector<std::string> pre;  ///< prerelease identifiers (build metadata is ignored)
  std::string text;
};

bool numeric(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::optional<std::uint64_t> number(std::string_view s) {
  if (!numeric(s) || (s.size() > 1 && s[0] == '0') || s.size() > 19) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : s) n = n * 10 + static_cast<std::uint64_t>(c - '0');  // at most 19 digits: no overflow
  return n;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    auto at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

bool identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

std::optional<Version> parse(std::string_view s, std::string& problem) {
  Version v;
  v.text = std::string(s);
  std::string_view core = s;
  if (auto plus = core.find('+'); plus != std::string_view::npos) {
    for (auto part : split(core.substr(plus + 1), '.')) {
      if (!identifier(part)) {
        problem = "Invalid character(s) found in build meta \"" + std::string(part) + "\"";
        return std::nullopt;
      }
    }
    core = core.substr(0, plus);
  }
  if (auto dash = core.find('-'); dash != std::string_view::npos) {
    for (auto part : split(core.substr(dash + 1), '.')) {
      if (!identifier(part) || (numeric(part) && part.size() > 1 && part[0] == '0')) {
        problem = "Invalid prerelease identifier \"" + std::string(part) + "\"";
        return std::nullopt;
      }
      v.pre.emplace_back(part);
    }
    core = core.substr(0, dash);
  }
  auto parts = split(core, '.');
  if (parts.size() != 3) {
    problem = "No Major.Minor.Patch elements found";
    return std::nullopt;
  }
  auto major = number(parts[0]), minor = number(parts[1]), patch = number(parts[2]);
  if (!major || !minor || !patch) {
    problem = "Invalid version number in \"" + std::string(s) + "\"";
    return std::nullopt;
  }
  v.major = *major;
  v.minor = *minor;
  v.patch = *patch;
  return v;
}

// semverlib.go's normalizeAndParse: no "v", no leading zeros, missing minor/patch filled with 0.
std::optional<Version> normalize_and_parse(std::string_view s, std::string& problem) {
  if (s.starts_with('v')) s.remove_prefix(1);
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int k = 0; k < 2; ++k) {
    auto dot = s.find('.', start);
    if (dot == std::string_view::npos) break;
    parts.emplace_back(s.substr(start, dot - start));
    start = dot + 1;
  }
  parts.emplace_back(s.substr(start));
  for (auto& p : parts) {
    if (p.size() > 1) {
      p.erase(0, p.find_first_not_of('0') == std::string::npos ? p.size() : p.find_first_not_of('0'));
      if (p.empty() || !std::isdigit(static_cast<unsigned char>(p[0]))) p.insert(0, "0");
    }
  }
  if (parts.size() < 3) {
    if (parts.back().find_first_of("+-") != std::string::npos) {
      problem = "short version cannot contain PreRelease/Build meta data";
      return std::nullopt;
    }
    while (parts.size() < 3) parts.emplace_back("0");
  }
  return parse(parts[0] + "." + parts[1] + "." + parts[2], problem);
}

int compare(const Version& a, const Version& b) {
  auto cmp = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
  if (int c = cmp(a.major, b.major); c) return c;
  if (int c = cmp(a.minor, b.minor); c) return c;
  if (int c = cmp(a.patch, b.patch); c) return c;
  if (a.pre.empty() || b.pre.empty()) {  // a release sorts after its prereleases
    return a.pre.empty() == b.pre.empty() ? 0 : (a.pre.empty() ? 1 : -1);
  }
  for (std::size_t i = 0; i < a.pre.size() && i < b.pre.size(); ++i) {
    const bool an = numeric(a.pre[i]), bn = numeric(b.pre[i]);
    if (an && bn) {  // numerically, without converting: identifiers may be longer than any integer
      if (int c = cmp(a.pre[i].size(), b.pre[i].size()); c) return c;
      if (int c = cmp(a.pre[i], b.pre[i]); c) return c;
    } else if (an != bn) {
      return an ? -1 : 1;  // numeric identifiers sort first
    } else if (int c = cmp(a.pre[i], b.pre[i]); c) {
      return c;
    }
  }
  return cmp(a.pre.size(), b.pre.size());
}

class SemverValue final : public Opaque {
 public:
  explicit SemverValue(Version v) : version(std::move(v)) {}
  std::string_view type() const override { return "kubernetes.Semver"; }
  bool equals(const Opaque& other) const override {
    return compare(version, static_cast<const SemverValue&>(other).version) == 0;
  }
  std::string literal() const override { return "semver(\"" + version.text + "\")"; }
  Version version;
};

}  // namespace

std::optional<Value> semver_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const std::string_view f = call.name;
  context.cost += 1;
  if (!call.receiver && (f == "semver" || f == "isSemver") && (a.size() == 1 || a.size() == 2) &&
      a[0].as<std::string>() && (a.size() == 1 || a[1].as<bool>())) {
    const bool normalize = a.size() == 2 && *a[1].as<bool>();
    std::string problem;
    auto v =
        normalize ? normalize_and_parse(*a[0].as<std::string>(), problem) : parse(*a[0].as<std::string>(), problem);
    if (f == "isSemver") return Value(v.has_value());
    if (!v) return error(problem);
    return Value(OpaquePtr(std::make_shared<const SemverValue>(std::move(*v))));
  }
  const SemverValue* self = call.receiver && !a.empty() ? a[0].opaque<SemverValue>() : nullptr;
  if (!self) return std::nullopt;
  const Version& v = self->version;
  if (a.size() == 1) {
    if (f == "major") return Value(static_cast<std::int64_t>(v.major));
    if (f == "minor") return Value(static_cast<std::int64_t>(v.minor));
    if (f == "patch") return Value(static_cast<std::int64_t>(v.patch));
    return std::nullopt;
  }
  const SemverValue* other = a.size() == 2 ? a[1].opaque<SemverValue>() : nullptr;
  if (!other) return std::nullopt;
  const int c = compare(v, other->version);
  if (f == "isGreaterThan") return Value(c > 0);
  if (f == "isLessThan") return Value(c < 0);
  if (f == "compareTo") return Value(static_cast<std::int64_t>(c));
  return std::nullopt;
}

}  // namespace chartproof::cel
