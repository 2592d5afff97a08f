// The strings extension's version-2 additions that Kubernetes enables from 1.29: `format`
// (printf-like clauses %s %d %f %e %b %o %x %X with a precision, `%%`) and `strings.quote`.
// Messages follow cel-go's, which cel-spec's string_ext conformance tests name.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "cel/library.hpp"
#include "cel/text.hpp"
#include "cel/time.hpp"

namespace chartproof::cel {
namespace {

using Int = std::int64_t;

Value formatting_error(const std::string& what) { return error("error during formatting: " + what); }

// The name a formatting error gives a value's type (cel-go's, e.g. `google.protobuf.Duration`).
std::string clause_type(const Value& v) { return type_name(v); }

std::optional<std::string> special_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return std::nullopt;
}

// %s: every value but an object; lists and maps element by element, map keys in sorted order.
std::optional<std::string> as_string(const Value& v) {
  if (v.as<Null>()) return "null";
  if (auto b = v.as<bool>()) return *b ? "true" : "false";
  if (auto i = v.as<Int>()) return std::to_string(*i);
  if (auto u = v.as<std::uint64_t>()) return std::to_string(*u);
  if (auto d = v.as<double>()) {
    if (auto special = special_double(*d)) return special;
    return format_double(*d);
  }
  if (auto s = v.as<std::string>()) return *s;
  if (auto b = v.as<Bytes>()) return b->data;
  if (auto t = v.as<TypeName>()) return t->name;
  if (auto d = v.as<Duration>()) return format_duration(*d);
  if (auto t = v.as<Timestamp>()) return format_timestamp(*t);
  if (auto l = v.list()) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i) {
      auto part = as_string((*l)[i]);
      if (!part) return std::nullopt;
      out += (i ? ", " : "") + *part;
    }
    return out + "]";
  }
  if (auto m = v.map()) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const auto& [k, val] : *m) {
      auto key = as_string(k), value = as_string(val);
      if (!key || !value) return std::nullopt;
      entries.emplace_back(*key, *value);
    }
    std::sort(entries.begin(), entries.end());
    std::string out = "{";
    for (std::size_t i = 0; i < entries.size(); ++i) {
      out += (i ? ", " : "") + entries[i].first + ": " + entries[i].second;
    }
    return out + "}";
  }
  return std::nullopt;
}

std::string in_base(std::uint64_t u, unsigned base, bool upper) {
  if (u == 0) return "0";
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (; u > 0; u /= base) out.insert(out.begin(), digits[u % base]);
  return out;
}

// An integer clause (%d %b %o %x): ints with their sign, uints, and what each clause also takes.
std::optional<std::string> integer_clause(const Value& v, unsigned base, bool upper) {
  if (auto i = v.as<Int>()) {
    const std::uint64_t magnitude = *i < 0 ? 0 - static_cast<std::uint64_t>(*i) : static_cast<std::uint64_t>(*i);
    return (*i < 0 ? "-" : "") + in_base(magnitude, base, upper);
  }
  if (auto u = v.as<std::uint64_t>()) return in_base(*u, base, upper);
  return std::nullopt;
}

Value clause(char verb, int precision, const Value& v) {
  std::string out;
  switch (verb) {
    case 's':
      if (auto s = as_string(v)) return Value(*s);
      return formatting_error(
          "string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and "
          "timestamps, was given " +
          clause_type(v));
    case 'd':
      if (auto s = integer_clause(v, 10, false)) return Value(*s);
      if (auto d = v.as<double>(); d && special_double(*d)) return Value(*special_double(*d));
      return formatting_error("decimal clause can only be used on integers, was given " + clause_type(v));
    case 'b':
      if (auto s = integer_clause(v, 2, false)) return Value(*s);
      if (auto b = v.as<bool>()) return Value(std::string(*b ? "1" : "0"));
      return formatting_error("only integers and bools can be formatted as binary, was given " + clause_type(v));
    case 'o':
      if (auto s = integer_clause(v, 8, false)) return Value(*s);
      return formatting_error("octal clause can only be used on integers, was given " + clause_type(v));
    case 'x':
    case 'X': {
      const bool upper = verb == 'X';
      if (auto s = integer_clause(v, 16, upper)) return Value(*s);
      const std::string* text = v.as<std::string>();
      if (!text && v.as<Bytes>()) text = &v.as<Bytes>()->data;
      if (!text) {
        return formatting_error("only integers, byte buffers, and strings can be formatted as hex, was given " +
                                clause_type(v));
      }
      for (unsigned char c : *text) out += (c < 16 ? "0" : "") + in_base(c, 16, upper);
      return Value(out);
    }
    case 'f':
    case 'e': {
      const double* d = v.as<double>();
      if (!d) {
        return formatting_error(std::string(verb == 'f' ? "fixed-point" : "scientific") +
                                " clause can only be used on doubles, was given " + clause_type(v));
      }
      if (auto special = special_double(*d)) return Value(*special);
      char buf[512];
      std::snprintf(buf, sizeof buf, verb == 'f' ? "%.*f" : "%.*e", precision < 0 ? 6 : std::min(precision, 100), *d);
      return Value(std::string(buf));
    }
    default:
      return error(std::string("could not parse formatting clause: unrecognized formatting clause \"") + verb + "\"");
  }
}

Value format(const std::string& pattern, const List& args, CallContext& context) {
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      out += pattern[i];
      continue;
    }
    if (++i >= pattern.size()) return error("could not parse formatting clause: unexpected end of string");
    if (pattern[i] == '%') {
      out += '%';
      continue;
    }
    int precision = -1;
    if (pattern[i] == '.') {
      precision = 0;
      while (++i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9') {
        precision = std::min(precision * 10 + (pattern[i] - '0'), 1000);
      }
      if (i >= pattern.size()) return error("could not parse formatting clause: unexpected end of string");
    }
    const char verb = pattern[i];
    if (std::string_view("sdbxXofe").find(verb) == std::string_view::npos) return clause(verb, precision, Value());
    if (next >= args.size()) return error("index " + std::to_string(next) + " out of range");
    Value piece = clause(verb, precision, args[next++]);
    if (piece.is_error()) return piece;
    out += *piece.as<std::string>();
  }
  context.cost += out.size() / 10 + 1;
  return Value(out);
}

// strings.quote: a double-quoted literal with Go's escapes; invalid UTF-8 becomes U+FFFD.
std::string quote(std::string_view s) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    switch (c) {
      case '\a':
        out += "\\a";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\v':
        out += "\\v";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      default: {
        auto cps = code_points(s.substr(i, 4));
        std::string_view cp = cps.front();
        out += valid_utf8(cp) ? std::string(cp) : std::string("\uFFFD");
        i += cp.size();
        continue;
      }
    }
    ++i;
  }
  return out + "\"";
}

}  // namespace

std::optional<Value> strings_format_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  if (call.name == "format" && call.receiver && a.size() == 2 && a[0].as<std::string>() && a[1].list()) {
    return format(*a[0].as<std::string>(), *a[1].list(), context);
  }
  if (call.name == "strings.quote" && !call.receiver && a.size() == 1 && a[0].as<std::string>()) {
    context.cost += a[0].as<std::string>()->size() / 10 + 1;
    return Value(quote(*a[0].as<std::string>()));
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
