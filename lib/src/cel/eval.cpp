// The CEL evaluator (see eval.hpp). Written from cel-spec langdef.md: operators and their overloads,
// overflow and division errors, heterogeneous numeric comparison, commutative `&&`/`||`, the
// macros, optionals and the standard functions.
#include "cel/eval.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <type_traits>
#include <vector>

#include "cel/parser.hpp"
#include "cel/time.hpp"

namespace chartproof::cel {
namespace {

const std::string kNoOverload = "no such overload";

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// The code points of a string, for indexing (substring, charAt).
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<std::int64_t> checked_int(double d) {
  if (std::isnan(d) || d <= -9223372036854775808.0 - 1025.0 || d >= 9223372036854775808.0) return std::nullopt;
  if (d < -9223372036854775808.0) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

// A double as cel-go writes it (Go's strconv.FormatFloat(d, 'g', -1, 64)): the shortest digits
// that read back as the same double; exponent form below 1e-4 or from 1e+06 (`1e+06`, `-0.0045`).
std::string format_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[64];
  int digits = 1;
  for (; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*e", digits - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  std::string e(buf);
  std::size_t epos = e.find('e');
  int exponent = std::atoi(e.c_str() + epos + 1);
  if (exponent < -4 || exponent >= 6) {
    // Go: mantissa without trailing zeros, exponent with a sign and at least two digits.
    std::string mantissa = e.substr(0, epos);
    if (mantissa.find('.') != std::string::npos) {
      while (mantissa.back() == '0') mantissa.pop_back();
      if (mantissa.back() == '.') mantissa.pop_back();
    }
    char exp_buf[16];
    std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return mantissa + exp_buf;
  }
  std::snprintf(buf, sizeof buf, "%.*f", std::max(0, digits - 1 - exponent), d);
  return buf;
}

class Evaluator {
 public:
  Evaluator(const Bindings& bindings, const EvalOptions& options) : bindings_(bindings), options_(options) {}

  std::uint64_t cost() const { return cost_; }

  Value eval(const Expr& e) {
    if (++cost_ > options_.cost_limit) return error("operation cancelled: actual cost limit exceeded");
    switch (e.kind) {
      case Expr::Kind::Literal:
        return e.literal;
      case Expr::Kind::Ident:
        return ident(e.name);
      case Expr::Kind::Select:
        return select(e);
      case Expr::Kind::ListLiteral:
        return list_literal(e);
      case Expr::Kind::MapLiteral:
        return map_literal(e);
      case Expr::Kind::Macro:
        return macro(e);
      case Expr::Kind::Call:
        return call(e);
    }
    return error("unknown expression");
  }

 private:
  Value ident(const std::string& name) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    std::string_view bare = name.starts_with(".") ? std::string_view(name).substr(1) : std::string_view(name);
    if (auto it = bindings_.find(bare); it != bindings_.end()) return it->second;
    static const std::set<std::string, std::less<>> types = {
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "optional_type"};
    if (types.contains(bare)) return Value(TypeName{std::string(bare)});
    return error("undeclared reference to '" + std::string(bare) + "'");
  }

  // `a.b.c` names a variable `a.b.c` (or `a.b`) when one is bound: the longest name wins.
  std::optional<Value> qualified(const Expr& e) {
    std::string name = e.name;
    const Expr* at = e.args[0].get();
    while (at->kind == Expr::Kind::Select && !at->optional && !at->test_only) {
      name = at->name + "." + name;
      at = at->args[0].get();
    }
    if (at->kind != Expr::Kind::Ident) return std::nullopt;
    name = at->name + "." + name;
    for (const auto& scope : scopes_) {
      if (name.starts_with(scope.first + ".")) return std::nullopt;  // a comprehension variable shadows
    }
    if (auto it = bindings_.find(name.starts_with(".") ? name.substr(1) : name); it != bindings_.end()) {
      return it->second;
    }
    return std::nullopt;
  }

  Value select(const Expr& e) {
    if (!e.optional && !e.test_only && !bindings_.empty()) {
      if (auto v = qualified(e)) return *v;
    }
    Value operand = eval(*e.args[0]);
    if (operand.is_error()) return operand;
    if (auto o = operand.as<Optional>()) {  // optional chaining: none stays none
      if (e.test_only) {
        const MapEntries* m = o->value ? o->value->map() : nullptr;
        if (o->value && !m) return error(kNoOverload);
        return Value(m != nullptr && map_find(*m, Value(e.name)) != nullptr);
      }
      if (!o->value) return Value(Optional{});
      Value inner = field(*o->value, e.name, true);
      return inner;
    }
    if (e.test_only) {
      if (auto m = operand.map()) return Value(map_find(*m, Value(e.name)) != nullptr);
      return error(kNoOverload);
    }
    return field(operand, e.name, e.optional);
  }

  Value field(const Value& operand, const std::string& name, bool optional) {
    const MapEntries* m = operand.map();
    if (!m) return error(kNoOverload);
    const Value* v = map_find(*m, Value(name));
    if (optional) return v ? Value(Optional{std::make_shared<const Value>(*v)}) : Value(Optional{});
    if (!v) return error("no such key: " + name);
    return *v;
  }

  Value list_literal(const Expr& e) {
    List out;
    for (std::size_t i = 0; i < e.args.size(); ++i) {
      Value v = eval(*e.args[i]);
      if (v.is_error()) return v;
      if (i < e.optional_entries.size() && e.optional_entries[i]) {
        auto o = v.as<Optional>();
        if (!o) return error(kNoOverload);
        if (o->value) out.push_back(*o->value);
        continue;
      }
      out.push_back(std::move(v));
    }
    cost_ += out.size();
    return Value(std::move(out));
  }

  Value map_literal(const Expr& e) {
    MapEntries out;
    for (std::size_t i = 0; i + 1 < e.args.size(); i += 2) {
      Value k = eval(*e.args[i]);
      if (k.is_error()) return k;
      if (!(k.as<std::int64_t>() || k.as<std::uint64_t>() || k.as<bool>() || k.as<std::string>())) {
        return error("unsupported key type");
      }
      Value v = eval(*e.args[i + 1]);
      if (v.is_error()) return v;
      if (i / 2 < e.optional_entries.size() && e.optional_entries[i / 2]) {
        auto o = v.as<Optional>();
        if (!o) return error(kNoOverload);
        if (!o->value) continue;
        Value inner = *o->value;  // (a copy first: `o` points into `v`)
        v = std::move(inner);
      }
      if (map_find(out, k)) return error("Failed with repeated key");
      out.emplace_back(std::move(k), std::move(v));
    }
    cost_ += out.size();
    return Value(std::move(out));
  }

  // Comprehension macros: all, exists, exists_one, map, filter and the two-variable forms.
  Value macro(const Expr& e) {
    Value range = eval(*e.args[0]);
    if (range.is_error()) return range;
    if (e.name == "optMap" || e.name == "optFlatMap") {  // on an optional: none stays none
      const Optional* o = range.as<Optional>();
      if (!o) return error(kNoOverload);
      if (!o->value) return Value(Optional{});
      scopes_.emplace_back(e.var, *o->value);
      Value r = eval(*e.args[1]);
      scopes_.pop_back();
      if (r.is_error() || e.name == "optFlatMap") {
        return r.is_error() || r.as<Optional>() ? r : error(kNoOverload);
      }
      return Value(Optional{std::make_shared<const Value>(std::move(r))});
    }
    std::vector<std::pair<Value, Value>> items;  // (first variable, second variable)
    if (auto l = range.list()) {
      for (std::size_t i = 0; i < l->size(); ++i) {
        items.emplace_back(e.var2.empty() ? (*l)[i] : Value(static_cast<std::int64_t>(i)), (*l)[i]);
      }
    } else if (auto m = range.map()) {
      for (const auto& [k, v] : *m) items.emplace_back(k, v);
    } else {
      return error(kNoOverload);
    }
    const std::string& name = e.name;
    auto bind = [&](const std::pair<Value, Value>& item) {
      scopes_.emplace_back(e.var, item.first);
      if (!e.var2.empty()) scopes_.emplace_back(e.var2, item.second);
    };
    auto unbind = [&] {
      scopes_.pop_back();
      if (!e.var2.empty()) scopes_.pop_back();
    };
    if (name == "all" || name == "exists") {
      const bool want = name == "exists";
      std::optional<Value> err;
      for (const auto& item : items) {
        bind(item);
        Value r = eval(*e.args[1]);
        unbind();
        if (auto b = r.as<bool>()) {
          if (*b == want) return Value(want);
        } else if (!err) {
          err = r.is_error() ? r : error(kNoOverload);
        }
        if (cost_ > options_.cost_limit) return error("operation cancelled: actual cost limit exceeded");
      }
      if (err) return *err;
      return Value(!want);
    }
    if (name == "exists_one") {
      int count = 0;
      for (const auto& item : items) {
        bind(item);
        Value r = eval(*e.args[1]);
        unbind();
        if (r.is_error()) return r;
        auto b = r.as<bool>();
        if (!b) return error(kNoOverload);
        count += *b ? 1 : 0;
      }
      return Value(count == 1);
    }
    if (name == "filter" || name == "map" || name == "transformList") {
      List out;
      for (const auto& item : items) {
        bind(item);
        bool keep = true;
        if (name == "filter" || (e.args.size() == 3)) {
          Value p = eval(*e.args[1]);
          if (p.is_error()) {
            unbind();
            return p;
          }
          auto b = p.as<bool>();
          if (!b) {
            unbind();
            return error(kNoOverload);
          }
          keep = *b;
        }
        if (keep) {
          if (name == "filter") {
            out.push_back(item.first);
          } else {
            Value t = eval(*e.args.back());
            if (t.is_error()) {
              unbind();
              return t;
            }
            out.push_back(std::move(t));
          }
        }
        unbind();
      }
      return Value(std::move(out));
    }
    if (name == "transformMap" || name == "transformMapEntry") {
      MapEntries out;
      for (const auto& item : items) {
        bind(item);
        Value keep = e.args.size() == 3 ? eval(*e.args[1]) : Value(true);
        Value t = keep.as<bool>() && *keep.as<bool>() ? eval(*e.args.back()) : keep;
        unbind();
        if (keep.is_error()) return keep;
        if (!keep.as<bool>()) return error(kNoOverload);
        if (!*keep.as<bool>()) continue;
        if (t.is_error()) return t;
        if (name == "transformMap") {
          out.emplace_back(item.first, std::move(t));
          continue;
        }
        const MapEntries* entry = t.map();  // transformMapEntry: each result is a map merged into the output
        if (!entry) return error(kNoOverload);
        for (const auto& [k, v] : *entry) {
          if (map_find(out, k)) return error("insert failed: key " + to_literal(k) + " already exists");
          out.emplace_back(k, v);
        }
      }
      return Value(std::move(out));
    }
    return error("unknown macro " + name);
  }

  Value call(const Expr& e) {
    const std::string& f = e.name;
    if (f == "_&&_" || f == "_||_") return logical(e, f == "_||_");
    if (f == "_?_:_") {
      Value c = eval(*e.args[0]);
      if (c.is_error()) return c;
      auto b = c.as<bool>();
      if (!b) return error(kNoOverload);
      return eval(*e.args[*b ? 1 : 2]);
    }
    // `optional.of(x)` and the other namespaced functions are parsed as calls on the ident `optional`.
    std::string name = f;
    std::vector<Value> args;
    std::size_t first = 0;
    if (e.has_target && e.args[0]->kind == Expr::Kind::Ident && e.args[0]->name == "optional" &&
        !bindings_.contains("optional")) {
      name = "optional." + f;
      first = 1;
    }
    for (std::size_t i = first; i < e.args.size(); ++i) {
      Value v = eval(*e.args[i]);
      // `x.or(y)` and `x.orValue(y)` stop at a present optional before evaluating y.
      if (i == 0 && (name == "or" || name == "orValue") && e.has_target) {
        if (auto o = v.as<Optional>(); o && o->value) return name == "or" ? v : *o->value;
      }
      if (v.is_error()) return v;
      args.push_back(std::move(v));
    }
    return function(name, args, e.has_target && first == 0);
  }

  Value logical(const Expr& e, bool is_or) {
    Value a = eval(*e.args[0]);
    if (auto b = a.as<bool>(); b && *b == is_or) return Value(is_or);
    Value c = eval(*e.args[1]);
    if (auto b = c.as<bool>(); b && *b == is_or) return Value(is_or);
    if (a.as<bool>() && c.as<bool>()) return Value(!is_or);
    if (a.is_error()) return a;
    if (c.is_error()) return c;
    return error(kNoOverload);
  }

  // Not inlined into call(): call() recurses once per level of the tree, and a frame that also
  // holds every function's temporaries would exhaust the stack of a sanitizer build.
  [[gnu::noinline]] Value function(const std::string& f, std::vector<Value>& a, bool receiver) {
    const std::size_t n = a.size();
    if (n == 2) {
      if (f == "_+_" || f == "_-_" || f == "_*_" || f == "_/_" || f == "_%_") return arithmetic(f[1], a[0], a[1]);
      if (f == "_==_") return Value(equal(a[0], a[1]));
      if (f == "_!=_") return Value(!equal(a[0], a[1]));
      if (f == "_<_" || f == "_<=_" || f == "_>_" || f == "_>=_") return relation(f, a[0], a[1]);
      if (f == "@in") return in(a[0], a[1]);
      if (f == "_[_]" || f == "_[?_]") return index(a[0], a[1], f == "_[?_]");
    }
    if (n == 1 && f == "!_") {
      auto b = a[0].as<bool>();
      return b ? Value(!*b) : error(kNoOverload);
    }
    if (n == 1 && f == "-_") {
      if (auto i = a[0].as<std::int64_t>()) {
        if (*i == std::numeric_limits<std::int64_t>::min()) return error("return error for overflow");
        return Value(-*i);
      }
      if (auto d = a[0].as<double>()) return Value(-*d);
      return error(kNoOverload);
    }
    if (f == "size" && n == 1) return size(a[0]);
    if (f == "type" && n == 1 && !receiver) return Value(TypeName{type_name(a[0])});
    if (f == "dyn" && n == 1 && !receiver) return a[0];
    if (!receiver && n == 1) {
      if (f == "duration") {
        if (a[0].as<Duration>()) return a[0];
        auto s = a[0].as<std::string>();
        return s ? parse_duration(*s) : error(kNoOverload);
      }
      if (f == "timestamp") {
        if (a[0].as<Timestamp>()) return a[0];
        if (auto i = a[0].as<std::int64_t>()) return timestamp_from_seconds(*i);
        auto s = a[0].as<std::string>();
        return s ? parse_timestamp(*s) : error(kNoOverload);
      }
      if (f == "int") return to_int(a[0]);
      if (f == "uint") return to_uint(a[0]);
      if (f == "double") return to_double(a[0]);
      if (f == "string") return to_string(a[0]);
      if (f == "bytes") return to_bytes(a[0]);
      if (f == "bool") return to_bool(a[0]);
    }
    if (receiver && (a[0].as<Timestamp>() || a[0].as<Duration>()) && (n == 1 || n == 2)) {
      const std::string* zone = n == 2 ? a[1].as<std::string>() : nullptr;
      if (n == 2 && !zone) return error(kNoOverload);
      if (auto v = time_accessor(f, a[0], zone ? std::string_view(*zone) : std::string_view(), n == 2)) return *v;
    }
    if (receiver) {
      if (auto s = a[0].as<std::string>(); s && n >= 1) return string_method(f, *s, a);
      if (auto o = a[0].as<Optional>()) {
        if (f == "hasValue" && n == 1) return Value(o->value != nullptr);
        if (f == "value" && n == 1) return o->value ? *o->value : error("optional.none() dereference");
        if (f == "orValue" && n == 2) return o->value ? *o->value : a[1];
        if (f == "or" && n == 2) {
          if (o->value) return a[0];
          return a[1].as<Optional>() ? a[1] : error(kNoOverload);
        }
      }
    }
    if (f == "optional.of" && n == 1) return Value(Optional{std::make_shared<const Value>(a[0])});
    if (f == "optional.none" && n == 0) return Value(Optional{});
    if (f == "optional.ofNonZeroValue" && n == 1) {
      return zero(a[0]) ? Value(Optional{}) : Value(Optional{std::make_shared<const Value>(a[0])});
    }
    if (f == "matches" && n == 2 && !receiver) {
      auto s = a[0].as<std::string>();
      if (!s) return error(kNoOverload);
      return string_method("matches", *s, a);
    }
    return error("no matching overload for '" + f + "'");
  }

  static bool zero(const Value& v) {
    if (v.as<Null>()) return true;
    if (auto b = v.as<bool>()) return !*b;
    if (auto i = v.as<std::int64_t>()) return *i == 0;
    if (auto u = v.as<std::uint64_t>()) return *u == 0;
    if (auto d = v.as<double>()) return *d == 0;
    if (auto s = v.as<std::string>()) return s->empty();
    if (auto b = v.as<Bytes>()) return b->data.empty();
    if (auto l = v.list()) return l->empty();
    if (auto m = v.map()) return m->empty();
    return false;
  }

  // int and uint arithmetic: overflow is an error, as is division or modulus by zero.
  template <typename T>
  static Value integer_arithmetic(char op, T a, T b) {
    T r = 0;
    const bool min_by_minus_one = std::is_signed_v<T> && a == std::numeric_limits<T>::min() && b == static_cast<T>(-1);
    switch (op) {
      case '+':
        return __builtin_add_overflow(a, b, &r) ? error("return error for overflow") : Value(r);
      case '-':
        return __builtin_sub_overflow(a, b, &r) ? error("return error for overflow") : Value(r);
      case '*':
        return __builtin_mul_overflow(a, b, &r) ? error("return error for overflow") : Value(r);
      case '/':
        if (b == 0) return error("divide by zero");
        return min_by_minus_one ? error("return error for overflow") : Value(static_cast<T>(a / b));
      default:
        if (b == 0) return error("modulus by zero");
        return min_by_minus_one ? error("return error for overflow") : Value(static_cast<T>(a % b));
    }
  }

  Value arithmetic(char op, const Value& x, const Value& y) {
    if (auto t = time_arithmetic(op, x, y)) return *t;
    if (auto a = x.as<std::int64_t>()) {
      auto b = y.as<std::int64_t>();
      return b ? integer_arithmetic(op, *a, *b) : error(kNoOverload);
    }
    if (auto a = x.as<std::uint64_t>()) {
      auto b = y.as<std::uint64_t>();
      return b ? integer_arithmetic(op, *a, *b) : error(kNoOverload);
    }
    if (auto a = x.as<double>()) {
      auto b = y.as<double>();
      if (!b || op == '%') return error(kNoOverload);
      switch (op) {
        case '+':
          return Value(*a + *b);
        case '-':
          return Value(*a - *b);
        case '*':
          return Value(*a * *b);
        default:
          return Value(*a / *b);
      }
    }
    if (op == '+') {
      if (auto a = x.as<std::string>()) {
        auto b = y.as<std::string>();
        if (!b) return error(kNoOverload);
        cost_ += (a->size() + b->size()) / 10;
        return Value(*a + *b);
      }
      if (auto a = x.as<Bytes>()) {
        auto b = y.as<Bytes>();
        if (!b) return error(kNoOverload);
        return Value(Bytes{a->data + b->data});
      }
      if (auto a = x.list()) {
        auto b = y.list();
        if (!b) return error(kNoOverload);
        List out(*a);
        out.insert(out.end(), b->begin(), b->end());
        cost_ += out.size();
        return Value(std::move(out));
      }
    }
    return error(kNoOverload);
  }

  Value relation(const std::string& f, const Value& x, const Value& y) {
    auto c = compare(x, y);
    if (!c) {
      bool numbers = (x.as<std::int64_t>() || x.as<std::uint64_t>() || x.as<double>()) &&
                     (y.as<std::int64_t>() || y.as<std::uint64_t>() || y.as<double>());
      if (numbers) return Value(false);  // NaN compares false
      return error(kNoOverload);
    }
    if (f == "_<_") return Value(*c < 0);
    if (f == "_<=_") return Value(*c <= 0);
    if (f == "_>_") return Value(*c > 0);
    return Value(*c >= 0);
  }

  Value in(const Value& x, const Value& container) {
    if (auto l = container.list()) {
      cost_ += l->size();
      for (const auto& v : *l) {
        if (equal(x, v)) return Value(true);
      }
      return Value(false);
    }
    if (auto m = container.map()) return Value(map_find(*m, x) != nullptr);
    return error(kNoOverload);
  }

  Value index(const Value& container, const Value& key, bool optional) {
    if (auto o = container.as<Optional>()) {
      if (!o->value) return Value(Optional{});
      Value inner = index(*o->value, key, true);
      return inner;
    }
    auto wrap = [&](const Value& v) { return optional ? Value(Optional{std::make_shared<const Value>(v)}) : v; };
    if (auto l = container.list()) {
      std::int64_t i = 0;
      if (auto k = key.as<std::int64_t>()) {
        i = *k;
      } else if (auto u = key.as<std::uint64_t>()) {
        if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
          return error("index out of bounds");
        i = static_cast<std::int64_t>(*u);
      } else if (auto d = key.as<double>()) {
        auto as_int = checked_int(*d);
        if (!as_int || static_cast<double>(*as_int) != *d) return error("unsupported index value");
        i = *as_int;
      } else {
        return error(kNoOverload);
      }
      if (i < 0 || static_cast<std::uint64_t>(i) >= l->size()) {
        return optional ? Value(Optional{}) : error("index out of bounds: " + std::to_string(i));
      }
      return wrap((*l)[static_cast<std::size_t>(i)]);
    }
    if (auto m = container.map()) {
      if (!(key.as<std::int64_t>() || key.as<std::uint64_t>() || key.as<double>() || key.as<bool>() ||
            key.as<std::string>())) {
        return error(kNoOverload);
      }
      const Value* v = map_find(*m, key);
      if (!v) return optional ? Value(Optional{}) : error("no such key: " + to_literal(key));
      return wrap(*v);
    }
    return error(kNoOverload);
  }

  Value size(const Value& v) {
    if (auto s = v.as<std::string>()) return Value(static_cast<std::int64_t>(utf8_length(*s)));
    if (auto b = v.as<Bytes>()) return Value(static_cast<std::int64_t>(b->data.size()));
    if (auto l = v.list()) return Value(static_cast<std::int64_t>(l->size()));
    if (auto m = v.map()) return Value(static_cast<std::int64_t>(m->size()));
    return error(kNoOverload);
  }

  Value to_int(const Value& v) {
    if (v.as<std::int64_t>()) return v;
    if (auto t = v.as<Timestamp>()) return Value(t->seconds);
    if (auto u = v.as<std::uint64_t>()) {
      if (*u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return error("range error");
      return Value(static_cast<std::int64_t>(*u));
    }
    if (auto d = v.as<double>()) {
      if (std::isnan(*d) || *d >= 9223372036854775807.0 || *d <= -9223372036854775808.0) return error("range error");
      return Value(static_cast<std::int64_t>(*d));
    }
    if (auto s = v.as<std::string>()) {
      if (s->empty()) return error("invalid integer");
      char* end = nullptr;
      errno = 0;
      long long r = std::strtoll(s->c_str(), &end, 10);
      if (*end != '\0' || errno == ERANGE || std::isspace(static_cast<unsigned char>(s->front()))) {
        return error("invalid integer");
      }
      return Value(static_cast<std::int64_t>(r));
    }
    return error(kNoOverload);
  }

  Value to_uint(const Value& v) {
    if (v.as<std::uint64_t>()) return v;
    if (auto i = v.as<std::int64_t>()) {
      if (*i < 0) return error("range error");
      return Value(static_cast<std::uint64_t>(*i));
    }
    if (auto d = v.as<double>()) {
      if (std::isnan(*d) || *d < 0 || *d >= 18446744073709551616.0) return error("range error");
      return Value(static_cast<std::uint64_t>(*d));
    }
    if (auto s = v.as<std::string>()) {
      if (s->empty() || s->front() == '-' || std::isspace(static_cast<unsigned char>(s->front()))) {
        return error("invalid unsigned integer");
      }
      char* end = nullptr;
      errno = 0;
      unsigned long long r = std::strtoull(s->c_str(), &end, 10);
      if (*end != '\0' || errno == ERANGE) return error("invalid unsigned integer");
      return Value(static_cast<std::uint64_t>(r));
    }
    return error(kNoOverload);
  }

  Value to_double(const Value& v) {
    if (v.as<double>()) return v;
    if (auto i = v.as<std::int64_t>()) return Value(static_cast<double>(*i));
    if (auto u = v.as<std::uint64_t>()) return Value(static_cast<double>(*u));
    if (auto s = v.as<std::string>()) {
      if (*s == "NaN") return Value(std::nan(""));
      if (*s == "Infinity" || *s == "+Infinity") return Value(std::numeric_limits<double>::infinity());
      if (*s == "-Infinity") return Value(-std::numeric_limits<double>::infinity());
      if (s->empty()) return error("invalid double");
      char* end = nullptr;
      double r = std::strtod(s->c_str(), &end);
      if (*end != '\0' || std::isspace(static_cast<unsigned char>(s->front()))) return error("invalid double");
      return Value(r);
    }
    return error(kNoOverload);
  }

  Value to_string(const Value& v) {
    if (v.as<std::string>()) return v;
    if (auto t = v.as<Timestamp>()) return Value(format_timestamp(*t));
    if (auto d = v.as<Duration>()) return Value(format_duration(*d));
    if (auto b = v.as<bool>()) return Value(std::string(*b ? "true" : "false"));
    if (auto i = v.as<std::int64_t>()) return Value(std::to_string(*i));
    if (auto u = v.as<std::uint64_t>()) return Value(std::to_string(*u));
    if (auto d = v.as<double>()) return Value(format_double(*d));
    if (auto b = v.as<Bytes>()) {
      if (!valid_utf8(b->data)) return error("invalid UTF-8");
      return Value(b->data);
    }
    return error(kNoOverload);
  }

  Value to_bytes(const Value& v) {
    if (v.as<Bytes>()) return v;
    if (auto s = v.as<std::string>()) return Value(Bytes{*s});
    return error(kNoOverload);
  }

  Value to_bool(const Value& v) {
    if (v.as<bool>()) return v;
    if (auto s = v.as<std::string>()) {
      if (*s == "true" || *s == "TRUE" || *s == "True" || *s == "t" || *s == "1") return Value(true);
      if (*s == "false" || *s == "FALSE" || *s == "False" || *s == "f" || *s == "0") return Value(false);
      return error("invalid bool");
    }
    return error(kNoOverload);
  }

  // String functions: the standard ones and Kubernetes' strings extension (lowerAscii, ...).
  Value string_method(const std::string& f, const std::string& s, const std::vector<Value>& a) {
    const std::size_t n = a.size();
    auto str_arg = [&](std::size_t i) { return i < n ? a[i].as<std::string>() : nullptr; };
    cost_ += s.size() / 10;
    if (n == 2 && str_arg(1)) {
      const std::string& t = *str_arg(1);
      if (f == "contains") return Value(s.find(t) != std::string::npos);
      if (f == "startsWith") return Value(s.starts_with(t));
      if (f == "endsWith") return Value(s.ends_with(t));
      if (f == "matches") {
        RE2 re(t, RE2::Quiet);
        if (!re.ok()) return error("invalid regular expression: " + re.error());
        return Value(RE2::PartialMatch(s, re));
      }
      if (f == "indexOf" || f == "lastIndexOf") {
        auto pos = f == "indexOf" ? s.find(t) : s.rfind(t);
        if (pos == std::string::npos) return Value(static_cast<std::int64_t>(-1));
        return Value(static_cast<std::int64_t>(utf8_length(std::string_view(s).substr(0, pos))));
      }
      if (f == "split") {
        List out;
        if (t.empty()) {
          for (auto cp : code_points(s)) out.emplace_back(std::string(cp));
          return Value(std::move(out));
        }
        std::size_t start = 0;
        while (true) {
          std::size_t at = s.find(t, start);
          out.emplace_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
          if (at == std::string::npos) break;
          start = at + t.size();
        }
        return Value(std::move(out));
      }
    }
    if (n == 1) {
      if (f == "lowerAscii" || f == "upperAscii") {
        std::string out = s;
        for (char& c : out) {
          if (c >= 'a' && c <= 'z' && f == "upperAscii")
            c = static_cast<char>(c - 32);
          else if (c >= 'A' && c <= 'Z' && f == "lowerAscii")
            c = static_cast<char>(c + 32);
        }
        return Value(out);
      }
      if (f == "trim") {
        std::size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
        return Value(b == std::string::npos ? std::string() : s.substr(b, e - b + 1));
      }
    }
    if (f == "replace" && n == 3 && str_arg(1) && str_arg(2)) {
      const std::string& from = *str_arg(1);
      const std::string& to = *str_arg(2);
      if (from.empty()) return Value(s);
      std::string out;
      std::size_t start = 0;
      while (true) {
        std::size_t at = s.find(from, start);
        if (at == std::string::npos) break;
        out += s.substr(start, at - start) + to;
        start = at + from.size();
      }
      return Value(out + s.substr(start));
    }
    if ((f == "substring" && (n == 2 || n == 3)) || (f == "charAt" && n == 2)) {
      auto cps = code_points(s);
      auto arg = [&](std::size_t i) { return a[i].as<std::int64_t>(); };
      if (!arg(1) || (n == 3 && !arg(2))) return error(kNoOverload);
      std::int64_t lo = *arg(1), hi = n == 3 ? *arg(2) : static_cast<std::int64_t>(cps.size());
      if (f == "charAt") {
        if (lo < 0 || lo > static_cast<std::int64_t>(cps.size()))
          return error("index out of range: " + std::to_string(lo));
        return Value(lo == static_cast<std::int64_t>(cps.size()) ? std::string() : std::string(cps[lo]));
      }
      if (lo < 0 || hi > static_cast<std::int64_t>(cps.size()) || lo > hi) {
        return error("index out of range");
      }
      std::string out;
      for (std::int64_t i = lo; i < hi; ++i) out += cps[static_cast<std::size_t>(i)];
      return Value(out);
    }
    return error("no matching overload for '" + f + "'");
  }

  const Bindings& bindings_;
  const EvalOptions& options_;
  std::uint64_t cost_ = 0;
  std::vector<std::pair<std::string, Value>> scopes_;
};

}  // namespace

EvalResult evaluate(const Expr& expr, const Bindings& bindings, const EvalOptions& options) {
  Evaluator ev(bindings, options);
  Value v = ev.eval(expr);
  return EvalResult{std::move(v), ev.cost()};
}

EvalResult evaluate(std::string_view source, const Bindings& bindings, const EvalOptions& options) {
  ParseResult parsed = parse(source);
  if (!parsed.expr) return EvalResult{error(parsed.error), 0};
  return evaluate(*parsed.expr, bindings, options);
}

}  // namespace chartproof::cel
