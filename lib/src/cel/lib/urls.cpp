// Kubernetes' URL library (k8s.io/apiserver/pkg/cel/library/urls.go): url, isURL and the
// accessors, over a parser that follows Go's url.ParseRequestURI (an absolute URI or an absolute
// path; no fragment; escapes checked), which the library uses.
#include "cel/lib/urls.hpp"

#include <cctype>
#include <memory>
#include <string>

#include "cel/library.hpp"

namespace chartproof::cel {
namespace {

bool hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
int hex_value(char c) { return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10); }

// Go's unescape: %XX decoded (an invalid escape is an error), `+` a space in a query.
std::optional<std::string> unescape(std::string_view s, bool query) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !hex(s[i + 1]) || !hex(s[i + 2])) return std::nullopt;
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += query && s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

bool unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '~';
}

// Go's EscapedPath: the path as written when that is a valid encoding, else the path escaped.
std::string escaped_path(std::string_view raw, std::string_view path) {
  bool valid = true;
  for (std::size_t i = 0; i < raw.size() && valid; ++i) {
    const char c = raw[i];
    if (c == '%') {
      valid = i + 2 < raw.size() && hex(raw[i + 1]) && hex(raw[i + 2]);
      continue;
    }
    valid = unreserved(c) || std::string_view("!$&'()*+,;=:@[]/").find(c) != std::string_view::npos;
  }
  if (valid) return std::string(raw);
  std::string out;
  for (char c : path) {
    if (unreserved(c) || std::string_view("$&+,/:;=@").find(c) != std::string_view::npos) {
      out += c;
    } else {
      static constexpr char kDigits[] = "0123456789ABCDEF";
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kDigits[u >> 4];
      out += kDigits[u & 15];
    }
  }
  return out;
}

}  // namespace

std::optional<Url> parse_url(std::string_view s, std::string& problem) {
  Url url;
  url.text = std::string(s);
  auto fail = [&](const std::string& why) {
    problem = "parse \"" + std::string(s) + "\": " + why;
    return std::nullopt;
  };
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return fail("net/url: invalid control character in URL");
  }
  if (s.empty()) return fail("empty url");
  if (s == "*") {
    url.path = url.raw_path = "*";
    return url;
  }
  std::string_view rest = s;
  // A scheme: a letter, then letters, digits, '+', '-', '.', up to ':'.
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isalpha(static_cast<unsigned char>(c))) continue;
    if (i > 0 && (std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) continue;
    if (c == ':') {
      if (i == 0) return fail("missing protocol scheme");
      url.scheme = std::string(s.substr(0, i));
      for (char& ch : url.scheme) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      rest = s.substr(i + 1);
    }
    break;
  }
  if (rest.ends_with('?') && rest.find('?') == rest.size() - 1) {
    rest.remove_suffix(1);
  } else if (auto q = rest.find('?'); q != std::string_view::npos) {
    url.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (!rest.starts_with('/')) {
    if (!url.scheme.empty()) {
      url.opaque = std::string(rest);
      return url;
    }
    return fail("invalid URI for request");
  }
  if (!url.scheme.empty() && rest.starts_with("//")) {
    std::string_view authority = rest.substr(2);
    const auto slash = authority.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : authority.substr(slash);
    authority = authority.substr(0, slash);
    if (auto at = authority.rfind('@'); at != std::string_view::npos) authority = authority.substr(at + 1);
    std::string_view host = authority;
    std::string_view port;
    if (host.starts_with('[')) {
      const auto close = host.find(']');
      if (close == std::string_view::npos) return fail("missing ']' in host");
      port = host.substr(close + 1);
      url.hostname = std::string(host.substr(1, close - 1));
      if (!port.empty() && !port.starts_with(':')) return fail("invalid port \"" + std::string(port) + "\" after host");
      if (!port.empty()) port.remove_prefix(1);
    } else {
      const auto colon = host.rfind(':');
      url.hostname = std::string(host.substr(0, colon));
      if (colon != std::string_view::npos) port = host.substr(colon + 1);
    }
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)))
        return fail("invalid port \":" + std::string(port) + "\" after host");
    }
    url.host = std::string(authority);
    url.port = std::string(port);
  }
  auto path = unescape(rest, false);
  if (!path) return fail("invalid URL escape");
  url.path = *path;
  url.raw_path = std::string(rest);
  return url;
}

bool UrlValue::equals(const Opaque& other) const { return url.text == static_cast<const UrlValue&>(other).url.text; }

std::string UrlValue::literal() const { return "url(\"" + url.text + "\")"; }

std::optional<Value> urls_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  if (!call.receiver && a.size() == 1 && a[0].as<std::string>() && (call.name == "url" || call.name == "isURL")) {
    context.cost += a[0].as<std::string>()->size() / 10 + 1;
    std::string problem;
    auto url = parse_url(*a[0].as<std::string>(), problem);
    if (call.name == "isURL") return Value(url.has_value());
    if (!url) return error("URL parse error during conversion from string: " + problem);
    return Value(OpaquePtr(std::make_shared<const UrlValue>(std::move(*url))));
  }
  const UrlValue* u = call.receiver && a.size() == 1 ? a[0].opaque<UrlValue>() : nullptr;
  if (!u) return std::nullopt;
  const Url& url = u->url;
  const std::string_view f = call.name;
  if (f == "getScheme") return Value(url.scheme);
  if (f == "getHost") return Value(url.host);
  if (f == "getHostname") return Value(url.hostname);
  if (f == "getPort") return Value(url.port);
  if (f == "getEscapedPath") return Value(url.path == "*" ? url.path : escaped_path(url.raw_path, url.path));
  if (f == "getQuery") {
    MapEntries out;
    std::string_view q = url.query;
    while (!q.empty()) {
      const auto amp = q.find('&');
      std::string_view pair = q.substr(0, amp);
      q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
      if (pair.empty() || pair.find(';') != std::string_view::npos) continue;  // Go skips these
      const auto eq = pair.find('=');
      auto key = unescape(pair.substr(0, eq), true);
      auto value = unescape(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!key || !value) continue;
      bool added = false;
      for (auto& [k, v] : out) {
        if (*k.as<std::string>() == *key) {
          List values = *v.list();
          values.emplace_back(*value);
          v = Value(std::move(values));
          added = true;
        }
      }
      if (!added) out.emplace_back(Value(*key), Value(List{Value(*value)}));
    }
    return Value(std::move(out));
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
