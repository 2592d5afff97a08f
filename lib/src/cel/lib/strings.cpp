// cel-go's strings extension as Kubernetes enables it (ext.Strings, version 0 before 1.29 and
// version 2 from 1.29): charAt, indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split,
// substring, trim, join; then format and strings.quote. Strings are indexed by code point.
#include <algorithm>
#include <cstdint>
#include <string>

#include "cel/library.hpp"
#include "cel/text.hpp"

namespace chartproof::cel {
namespace {

using Int = std::int64_t;

Value out_of_range(Int i) { return error("index out of range: " + std::to_string(i)); }

Int length_of(const std::vector<std::string_view>& cps) { return static_cast<Int>(cps.size()); }

// The code point index of the first occurrence of `t` in cps at or after `from`; -1 when none.
Int index_of(const std::vector<std::string_view>& cps, const std::vector<std::string_view>& t, Int from, bool last) {
  const Int n = length_of(cps), m = length_of(t);
  auto at = [&](Int i) {
    for (Int k = 0; k < m; ++k) {
      if (cps[static_cast<std::size_t>(i + k)] != t[static_cast<std::size_t>(k)]) return false;
    }
    return true;
  };
  if (last) {
    for (Int i = std::min(from, n - m); i >= 0; --i) {
      if (at(i)) return i;
    }
    return -1;
  }
  for (Int i = from; i + m <= n; ++i) {
    if (at(i)) return i;
  }
  return -1;
}

// Go's unicode.IsSpace: the ASCII spaces, U+0085, U+00A0 and the Unicode space separators.
bool is_space(std::string_view cp) {
  static constexpr std::string_view kSpaces[] = {" ",      "\t",     "\n",     "\v",     "\f",     "\r",     "\u0085",
                                                 "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
                                                 "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u2028",
                                                 "\u2029", "\u202f", "\u205f", "\u3000"};
  return std::find(std::begin(kSpaces), std::end(kSpaces), cp) != std::end(kSpaces);
}

std::string join(const std::vector<std::string_view>& cps, Int from, Int to) {
  std::string out;
  for (Int i = from; i < to; ++i) out += cps[static_cast<std::size_t>(i)];
  return out;
}

// split(sep[, limit]): limit 0 gives no parts, a negative limit every part, n at most n parts.
Value split(const std::string& s, const std::string& sep, Int limit) {
  List out;
  if (limit == 0) return Value(std::move(out));
  if (sep.empty()) {
    auto cps = code_points(s);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      if (limit > 0 && static_cast<Int>(out.size()) == limit - 1) {
        out.emplace_back(join(cps, static_cast<Int>(i), length_of(cps)));
        return Value(std::move(out));
      }
      out.emplace_back(std::string(cps[i]));
    }
    return Value(std::move(out));
  }
  std::size_t start = 0;
  while (limit < 0 || static_cast<Int>(out.size()) < limit - 1) {
    std::size_t at = s.find(sep, start);
    if (at == std::string::npos) break;
    out.emplace_back(s.substr(start, at - start));
    start = at + sep.size();
  }
  out.emplace_back(s.substr(start));
  return Value(std::move(out));
}

Value replace(const std::string& s, const std::string& from, const std::string& to, Int limit) {
  std::string out;
  std::size_t start = 0;
  for (Int done = 0; limit < 0 || done < limit; ++done) {
    std::size_t at = from.empty() ? (start <= s.size() ? start : std::string::npos) : s.find(from, start);
    if (at == std::string::npos) break;
    out += s.substr(start, at - start) + to;
    if (from.empty()) {  // Go's strings.Replace: an empty `from` matches before each character
      if (at == s.size()) return Value(out);
      std::size_t next = at + 1;
      while (next < s.size() && (static_cast<unsigned char>(s[next]) & 0xC0) == 0x80) ++next;
      out += s.substr(at, next - at);
      start = next;
      continue;
    }
    start = at + from.size();
  }
  return Value(out + s.substr(std::min(start, s.size())));
}

std::optional<Value> string_function(const Call& call, const std::string& s, CallContext& context) {
  const auto& a = call.args;
  const std::size_t n = a.size();
  auto str = [&](std::size_t i) { return a[i].as<std::string>(); };
  auto integer = [&](std::size_t i) { return a[i].as<Int>(); };
  const std::string_view f = call.name;
  context.cost += s.size() / 10 + 1;
  if ((f == "lowerAscii" || f == "upperAscii") && n == 1) {
    std::string out = s;
    for (char& c : out) {
      if (f == "upperAscii" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
      if (f == "lowerAscii" && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return Value(out);
  }
  if (f == "trim" && n == 1) {
    auto cps = code_points(s);
    Int lo = 0, hi = length_of(cps);
    while (lo < hi && is_space(cps[static_cast<std::size_t>(lo)])) ++lo;
    while (hi > lo && is_space(cps[static_cast<std::size_t>(hi - 1)])) --hi;
    return Value(join(cps, lo, hi));
  }
  if (f == "charAt" && n == 2 && integer(1)) {
    auto cps = code_points(s);
    const Int i = *integer(1);
    if (i < 0 || i > length_of(cps)) return out_of_range(i);
    return Value(i == length_of(cps) ? std::string() : std::string(cps[static_cast<std::size_t>(i)]));
  }
  if ((f == "indexOf" || f == "lastIndexOf") && (n == 2 || (n == 3 && integer(2))) && str(1)) {
    auto cps = code_points(s);
    auto t = code_points(*str(1));
    const bool last = f == "lastIndexOf";
    Int from = last ? length_of(cps) : 0;
    if (n == 3) {
      from = *integer(2);
      if (from < 0 || from >= length_of(cps) + (last ? 0 : 1)) return out_of_range(from);
    }
    if (t.empty()) return Value(from);
    return Value(index_of(cps, t, from, last));
  }
  if (f == "substring" && (n == 2 || n == 3) && integer(1) && (n == 2 || integer(2))) {
    auto cps = code_points(s);
    const Int lo = *integer(1), hi = n == 3 ? *integer(2) : length_of(cps);
    if (lo < 0 || lo > length_of(cps)) return out_of_range(lo);
    if (hi < 0 || hi > length_of(cps)) return out_of_range(hi);
    if (lo > hi) {
      return error("invalid substring range. start: " + std::to_string(lo) + ", end: " + std::to_string(hi));
    }
    return Value(join(cps, lo, hi));
  }
  if (f == "split" && (n == 2 || (n == 3 && integer(2))) && str(1)) return split(s, *str(1), n == 3 ? *integer(2) : -1);
  if (f == "replace" && (n == 3 || (n == 4 && integer(3))) && str(1) && str(2)) {
    return replace(s, *str(1), *str(2), n == 4 ? *integer(3) : -1);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Value> strings_library(const Call& call, CallContext& context) {
  if (!call.receiver || call.args.empty()) return std::nullopt;
  if (const std::string* s = call.args[0].as<std::string>()) return string_function(call, *s, context);
  if (const List* l = call.args[0].list(); l && call.name == "join" && call.args.size() <= 2) {
    const std::string* sep = call.args.size() == 2 ? call.args[1].as<std::string>() : nullptr;
    if (call.args.size() == 2 && !sep) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* part = (*l)[i].as<std::string>();
      if (!part) return no_overload();
      if (i > 0 && sep) out += *sep;
      out += *part;
    }
    context.cost += out.size() / 10 + 1;
    return Value(out);
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
