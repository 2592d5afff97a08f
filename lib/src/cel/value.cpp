// CEL values: type names, equality, ordering and literals (cel-spec langdef.md, "Equality",
// "Ordering": numbers compare across int, uint and double by their numeric value).
#include "cel/value.hpp"

#include "cel/time.hpp"

#include <cmath>
#include <cstdio>

namespace chartproof::cel {
namespace {

// A number as (kind, int64, uint64, double) for cross-type comparison.
struct Number {
  int kind;  // 0 int, 1 uint, 2 double
  std::int64_t i = 0;
  std::uint64_t u = 0;
  double d = 0;
};
std::optional<Number> number(const Value& v) {
  if (auto i = v.as<std::int64_t>()) return Number{0, *i, 0, 0};
  if (auto u = v.as<std::uint64_t>()) return Number{1, 0, *u, 0};
  if (auto d = v.as<double>()) return Number{2, 0, 0, *d};
  return std::nullopt;
}

int cmp3(auto a, auto b) { return a < b ? -1 : (a > b ? 1 : 0); }

std::optional<int> compare_numbers(const Number& a, const Number& b) {
  if (a.kind == 2 || b.kind == 2) {
    double x = a.kind == 0 ? static_cast<double>(a.i) : a.kind == 1 ? static_cast<double>(a.u) : a.d;
    double y = b.kind == 0 ? static_cast<double>(b.i) : b.kind == 1 ? static_cast<double>(b.u) : b.d;
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    // An int compared with a double beyond its range: compare exactly where the cast would round.
    return cmp3(x, y);
  }
  if (a.kind == b.kind) return a.kind == 0 ? cmp3(a.i, b.i) : cmp3(a.u, b.u);
  if (a.kind == 0) return a.i < 0 ? -1 : cmp3(static_cast<std::uint64_t>(a.i), b.u);
  return b.i < 0 ? 1 : cmp3(a.u, static_cast<std::uint64_t>(b.i));
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string type_name(const Value& value) {
  switch (value.v.index()) {
    case 0:
      return "null_type";
    case 1:
      return "bool";
    case 2:
      return "int";
    case 3:
      return "uint";
    case 4:
      return "double";
    case 5:
      return "string";
    case 6:
      return "bytes";
    case 7:
      return "list";
    case 8:
      return "map";
    case 9:
      return "type";
    case 10:
      return "optional_type";
    case 12:
      return "google.protobuf.Duration";
    case 13:
      return "google.protobuf.Timestamp";
    case 14:
      return std::string((*value.as<OpaquePtr>())->type());
    default:
      return "error";
  }
}

bool equal(const Value& a, const Value& b) {
  auto na = number(a), nb = number(b);
  if (na && nb) return compare_numbers(*na, *nb) == 0;
  if (a.v.index() != b.v.index()) return false;
  if (a.as<Null>()) return true;
  if (auto x = a.as<bool>()) return *x == *b.as<bool>();
  if (auto x = a.as<std::string>()) return *x == *b.as<std::string>();
  if (auto x = a.as<Bytes>()) return x->data == b.as<Bytes>()->data;
  if (auto x = a.as<TypeName>()) return x->name == b.as<TypeName>()->name;
  if (auto x = a.list()) {
    const List& y = *b.list();
    if (x->size() != y.size()) return false;
    for (std::size_t i = 0; i < x->size(); ++i) {
      if (!equal((*x)[i], y[i])) return false;
    }
    return true;
  }
  if (auto x = a.map()) {
    const MapEntries& y = *b.map();
    if (x->size() != y.size()) return false;
    for (const auto& [k, v] : *x) {
      const Value* other = map_find(y, k);
      if (!other || !equal(v, *other)) return false;
    }
    return true;
  }
  if (auto x = a.as<Duration>()) return x->seconds == b.as<Duration>()->seconds && x->nanos == b.as<Duration>()->nanos;
  if (auto x = a.as<Timestamp>()) {
    return x->seconds == b.as<Timestamp>()->seconds && x->nanos == b.as<Timestamp>()->nanos;
  }
  if (auto x = a.as<OpaquePtr>()) {
    const Opaque& y = **b.as<OpaquePtr>();
    return (*x)->type() == y.type() && (*x)->equals(y);
  }
  if (auto x = a.as<Optional>()) {
    const Optional& y = *b.as<Optional>();
    if (!x->value || !y.value) return !x->value && !y.value;
    return equal(*x->value, *y.value);
  }
  return false;
}

std::optional<int> compare(const Value& a, const Value& b) {
  auto na = number(a), nb = number(b);
  if (na && nb) return compare_numbers(*na, *nb);
  if (a.v.index() != b.v.index()) return std::nullopt;
  if (auto x = a.as<bool>()) return cmp3(*x, *b.as<bool>());
  if (auto x = a.as<std::string>()) return cmp3(x->compare(*b.as<std::string>()), 0);
  if (auto x = a.as<Bytes>()) return cmp3(x->data.compare(b.as<Bytes>()->data), 0);
  if (auto x = a.as<Duration>()) {
    const Duration& y = *b.as<Duration>();
    return x->seconds != y.seconds ? cmp3(x->seconds, y.seconds) : cmp3(x->nanos, y.nanos);
  }
  if (auto x = a.as<Timestamp>()) {
    const Timestamp& y = *b.as<Timestamp>();
    return x->seconds != y.seconds ? cmp3(x->seconds, y.seconds) : cmp3(x->nanos, y.nanos);
  }
  return std::nullopt;
}

const Value* map_find(const MapEntries& map, const Value& key) {
  for (const auto& [k, v] : map) {
    if (equal(k, key)) return &v;
  }
  return nullptr;
}

std::string to_literal(const Value& value) {
  if (value.as<Null>()) return "null";
  if (auto b = value.as<bool>()) return *b ? "true" : "false";
  if (auto i = value.as<std::int64_t>()) return std::to_string(*i);
  if (auto u = value.as<std::uint64_t>()) return std::to_string(*u) + "u";
  if (auto d = value.as<double>()) {
    if (std::isnan(*d)) return "double(\"NaN\")";
    if (std::isinf(*d)) return *d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    std::string s = buf;
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";
    return s;
  }
  if (auto s = value.as<std::string>()) return quote(*s);
  if (auto b = value.as<Bytes>()) return "b" + quote(b->data);
  if (auto t = value.as<TypeName>()) return t->name;
  if (auto e = value.as<Error>()) return "error: " + e->message;
  if (auto d = value.as<Duration>()) return "duration(\"" + format_duration(*d) + "\")";
  if (auto t = value.as<Timestamp>()) return "timestamp(\"" + format_timestamp(*t) + "\")";
  if (auto o = value.as<OpaquePtr>()) return (*o)->literal();
  if (auto o = value.as<Optional>()) return o->value ? "optional.of(" + to_literal(*o->value) + ")" : "optional.none()";
  if (auto l = value.list()) {
    std::string out = "[";
    for (std::size_t i = 0; i < l->size(); ++i) out += (i ? ", " : "") + to_literal((*l)[i]);
    return out + "]";
  }
  if (auto m = value.map()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : *m) {
      out += (first ? "" : ", ") + to_literal(k) + ": " + to_literal(v);
      first = false;
    }
    return out + "}";
  }
  return "?";
}

}  // namespace chartproof::cel
