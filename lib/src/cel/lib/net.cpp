// Kubernetes' IP and CIDR libraries (k8s.io/apiserver/pkg/cel/library/ip.go and cidr.go, from
// 1.30): addresses as Go's netip parses them (no zones, no IPv4-mapped IPv6, no leading zeros in
// IPv4 octets), canonical text per RFC 5952, and the predicates netip defines.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "cel/library.hpp"
#include "cel/text.hpp"

namespace chartproof::cel {
namespace {

struct Address {
  bool v4 = true;
  std::array<std::uint8_t, 16> bytes{};  ///< IPv4 in the first four
  int bits() const { return v4 ? 32 : 128; }
  bool operator==(const Address&) const = default;
};

std::optional<Address> parse_v4(std::string_view s, Address& out, std::size_t at) {
  int field = 0;
  std::size_t i = 0;
  while (field < 4) {
    std::size_t start = i;
    int value = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < 3)
      value = value * 10 + (s[i++] - '0');
    if (i == start || value > 255 || (i - start > 1 && s[start] == '0')) return std::nullopt;
    out.bytes[at + static_cast<std::size_t>(field++)] = static_cast<std::uint8_t>(value);
    if (field < 4) {
      if (i >= s.size() || s[i] != '.') return std::nullopt;
      ++i;
    }
  }
  if (i != s.size()) return std::nullopt;
  return out;
}

std::optional<Address> parse_v6(std::string_view s) {
  Address a;
  a.v4 = false;
  std::array<std::uint16_t, 8> groups{};
  int count = 0, gap = -1;
  std::size_t i = 0;
  if (s.starts_with("::")) {
    gap = 0;
    i = 2;
  }
  while (i < s.size()) {
    if (count == 8) return std::nullopt;
    // An embedded IPv4 address ends the text.
    std::size_t end = s.find(':', i);
    std::string_view piece = s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (piece.find('.') != std::string_view::npos) {
      if (end != std::string_view::npos || count > 6) return std::nullopt;
      Address tail;
      if (!parse_v4(piece, tail, 0)) return std::nullopt;
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(tail.bytes[0] << 8 | tail.bytes[1]);
      groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(tail.bytes[2] << 8 | tail.bytes[3]);
      i = s.size();
      break;
    }
    if (piece.empty() || piece.size() > 4) return std::nullopt;
    unsigned value = 0;
    for (char c : piece) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 16 +
              static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10);
    }
    groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(value);
    i = end == std::string_view::npos ? s.size() : end + 1;
    if (end != std::string_view::npos && i < s.size() && s[i] == ':') {
      if (gap >= 0) return std::nullopt;  // a second "::"
      gap = count;
      ++i;
    } else if (end != std::string_view::npos && i == s.size()) {
      return std::nullopt;  // a trailing single ':'
    }
  }
  if (gap < 0 && count != 8) return std::nullopt;
  if (gap >= 0 && count == 8) return std::nullopt;
  std::array<std::uint16_t, 8> full{};
  const int fill = 8 - count;
  for (int k = 0, out = 0; k < count; ++k, ++out) {
    if (k == gap) out += fill;
    full[static_cast<std::size_t>(out)] = groups[static_cast<std::size_t>(k)];
  }
  for (std::size_t k = 0; k < 8; ++k) {
    a.bytes[2 * k] = static_cast<std::uint8_t>(full[k] >> 8);
    a.bytes[2 * k + 1] = static_cast<std::uint8_t>(full[k] & 0xff);
  }
  return a;
}

bool is_4in6(const Address& a) {
  if (a.v4) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    if (a.bytes[i] != 0) return false;
  }
  return a.bytes[10] == 0xff && a.bytes[11] == 0xff;
}

// netip.ParseAddr, then Kubernetes' refusals; the message is Kubernetes'.
std::optional<Address> parse_address(std::string_view raw, std::string& problem) {
  std::optional<Address> a;
  if (raw.find('%') != std::string_view::npos) {
    problem = "IP address \"" + std::string(raw) + "\" with zone value is not allowed";
    return std::nullopt;
  }
  if (raw.find(':') != std::string_view::npos) {
    a = parse_v6(raw);
  } else {
    Address v4;
    a = parse_v4(raw, v4, 0);
  }
  if (!a) {
    problem = "IP Address \"" + std::string(raw) + "\" parse error during conversion from string: ParseAddr(\"" +
              std::string(raw) + "\"): unable to parse IP";
    return std::nullopt;
  }
  if (is_4in6(*a)) {
    problem = "IPv4-mapped IPv6 address \"" + std::string(raw) + "\" is not allowed";
    return std::nullopt;
  }
  return a;
}

std::string to_text(const Address& a) {
  if (a.v4) {
    return std::to_string(a.bytes[0]) + "." + std::to_string(a.bytes[1]) + "." + std::to_string(a.bytes[2]) + "." +
           std::to_string(a.bytes[3]);
  }
  std::array<unsigned, 8> g{};
  for (std::size_t k = 0; k < 8; ++k) g[k] = static_cast<unsigned>(a.bytes[2 * k] << 8 | a.bytes[2 * k + 1]);
  // RFC 5952: the first longest run of two or more zero groups becomes "::".
  std::size_t best = 8, best_len = 1;
  for (std::size_t k = 0; k < 8;) {
    std::size_t len = 0;
    while (k + len < 8 && g[k + len] == 0) ++len;
    if (len > best_len) {
      best = k;
      best_len = len;
    }
    k += len > 0 ? len : 1;
  }
  std::string out;
  char buf[8];
  for (std::size_t k = 0; k < 8; ++k) {
    if (k == best) {
      out += "::";
      k += best_len - 1;
      continue;
    }
    if (!out.empty() && !out.ends_with(':')) out += ':';
    std::snprintf(buf, sizeof buf, "%x", g[k]);
    out += buf;
  }
  return out;
}

class IpValue final : public Opaque {
 public:
  explicit IpValue(Address a) : address(a) {}
  std::string_view type() const override { return "net.IP"; }
  bool equals(const Opaque& other) const override { return address == static_cast<const IpValue&>(other).address; }
  std::string literal() const override { return "ip(\"" + to_text(address) + "\")"; }
  Address address;
};

struct Prefix {
  Address address;
  int bits = 0;
};

class CidrValue final : public Opaque {
 public:
  explicit CidrValue(const Prefix& p) : address(p.address), bits(p.bits) {}
  std::string_view type() const override { return "net.CIDR"; }
  bool equals(const Opaque& other) const override {
    const auto& o = static_cast<const CidrValue&>(other);
    return address == o.address && bits == o.bits;
  }
  std::string text() const { return to_text(address) + "/" + std::to_string(bits); }
  std::string literal() const override { return "cidr(\"" + text() + "\")"; }
  Address address;
  int bits;
};

Address masked(Address a, int bits) {
  for (int i = bits; i < a.bits(); ++i)
    a.bytes[static_cast<std::size_t>(i / 8)] &= static_cast<std::uint8_t>(~(0x80 >> (i % 8)));
  return a;
}

std::optional<Prefix> parse_cidr(std::string_view raw, std::string& problem) {
  const auto slash = raw.rfind('/');
  const std::string prefix =
      "network address parse error during conversion from string: netip.ParsePrefix(\"" + std::string(raw) + "\"): ";
  if (slash == std::string_view::npos) {
    problem = prefix + "no '/'";
    return std::nullopt;
  }
  std::string inner;
  auto a = parse_address(raw.substr(0, slash), inner);
  if (!a) {
    problem = inner.find("IPv4-mapped") != std::string::npos
                  ? "IPv4-mapped IPv6 address \"" + std::string(raw) + "\" is not allowed"
                  : prefix + "ParseAddr: unable to parse IP";
    return std::nullopt;
  }
  std::string_view digits = raw.substr(slash + 1);
  int bits = 0;
  bool ok = !digits.empty() && digits.size() <= 3 && !(digits.size() > 1 && digits[0] == '0');
  for (std::size_t i = 0; ok && i < digits.size(); ++i) {  // at most 3 digits: no overflow
    if (!std::isdigit(static_cast<unsigned char>(digits[i]))) ok = false;
    bits = bits * 10 + (digits[i] - '0');
  }
  if (!ok || bits > a->bits()) {
    problem = prefix + "bad bits after slash: \"" + std::string(digits) + "\"";
    return std::nullopt;
  }
  return Prefix{*a, bits};
}

bool contains(const Prefix& net, const Address& a) {
  return net.address.v4 == a.v4 && masked(net.address, net.bits) == masked(a, net.bits);
}

Value make_ip(const Address& a) { return Value(OpaquePtr(std::make_shared<const IpValue>(a))); }
Value make_cidr(const Prefix& p) { return Value(OpaquePtr(std::make_shared<const CidrValue>(p))); }

}  // namespace

std::optional<Value> ip_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const std::string_view f = call.name;
  context.cost += 1;
  if (!call.receiver && a.size() == 1 && a[0].as<std::string>() &&
      (f == "ip" || f == "isIP" || f == "ip.isCanonical")) {
    const std::string& s = *a[0].as<std::string>();
    std::string problem;
    auto address = parse_address(s, problem);
    if (f == "isIP") return Value(address.has_value());
    if (!address) return error(problem);
    if (f == "ip.isCanonical") return Value(to_text(*address) == s);
    return make_ip(*address);
  }
  const IpValue* self = a.size() == 1 ? a[0].opaque<IpValue>() : nullptr;
  if (!self) return std::nullopt;
  const Address& ip = self->address;
  const auto& b = ip.bytes;
  if (f == "string" && !call.receiver) return Value(to_text(ip));
  if (!call.receiver) return std::nullopt;
  const bool zero = std::all_of(b.begin(), b.begin() + (ip.v4 ? 4 : 16), [](std::uint8_t x) { return x == 0; });
  const bool loopback =
      ip.v4 ? b[0] == 127
            : (std::all_of(b.begin(), b.begin() + 15, [](std::uint8_t x) { return x == 0; }) && b[15] == 1);
  const bool multicast = ip.v4 ? (b[0] & 0xf0) == 0xe0 : b[0] == 0xff;
  const bool link_local_unicast = ip.v4 ? (b[0] == 169 && b[1] == 254) : (b[0] == 0xfe && (b[1] & 0xc0) == 0x80);
  const bool link_local_multicast =
      ip.v4 ? (b[0] == 224 && b[1] == 0 && b[2] == 0) : (b[0] == 0xff && (b[1] & 0x0f) == 0x02);
  if (f == "family") return Value(static_cast<std::int64_t>(ip.v4 ? 4 : 6));
  if (f == "isUnspecified") return Value(zero);
  if (f == "isLoopback") return Value(loopback);
  if (f == "isLinkLocalMulticast") return Value(link_local_multicast);
  if (f == "isLinkLocalUnicast") return Value(link_local_unicast);
  if (f == "isGlobalUnicast") {
    const bool broadcast = ip.v4 && b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255;
    return Value(!zero && !broadcast && !loopback && !multicast && !link_local_unicast);
  }
  return std::nullopt;
}

std::optional<Value> cidr_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const std::string_view f = call.name;
  context.cost += 1;
  if (!call.receiver && a.size() == 1 && a[0].as<std::string>() && (f == "cidr" || f == "isCIDR")) {
    std::string problem;
    auto c = parse_cidr(*a[0].as<std::string>(), problem);
    if (f == "isCIDR") return Value(c.has_value());
    if (!c) return error(problem);
    return make_cidr(*c);
  }
  const CidrValue* cidr = !a.empty() ? a[0].opaque<CidrValue>() : nullptr;
  if (!cidr) return std::nullopt;
  const Prefix self_prefix{cidr->address, cidr->bits};
  const Prefix* self = &self_prefix;
  if (f == "string" && !call.receiver && a.size() == 1) return Value(cidr->text());
  if (!call.receiver) return std::nullopt;
  if (a.size() == 1) {
    if (f == "ip") return make_ip(self->address);
    if (f == "masked") return make_cidr(Prefix{masked(self->address, self->bits), self->bits});
    if (f == "prefixLength") return Value(static_cast<std::int64_t>(self->bits));
    return std::nullopt;
  }
  if (a.size() != 2) return std::nullopt;
  std::string problem;
  if (f == "containsIP") {
    if (const IpValue* ip = a[1].opaque<IpValue>()) return Value(contains(*self, ip->address));
    if (const std::string* s = a[1].as<std::string>()) {
      auto address = parse_address(*s, problem);
      if (!address) return error(problem);
      return Value(contains(*self, *address));
    }
  }
  if (f == "containsCIDR") {
    std::optional<Prefix> other;
    if (const CidrValue* c = a[1].opaque<CidrValue>()) other = Prefix{c->address, c->bits};
    if (const std::string* s = a[1].as<std::string>()) {
      other = parse_cidr(*s, problem);
      if (!other) return error(problem);
    }
    if (other) return Value(other->bits >= self->bits && contains(*self, other->address));
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
