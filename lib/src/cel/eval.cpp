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

#include "cel/library.hpp"
#include "cel/parser.hpp"
#include "cel/text.hpp"
#include "cel/time.hpp"
#include "support/utf8.hpp"

namespace chartproof::cel {
namespace {

std::optional<std::int64_t> checked_int(double d) {
  if (std::isnan(d) || d <= -9223372036854775808.0 - 1025.0 || d >= 9223372036854775808.0) return std::nullopt;
  if (d < -9223372036854775808.0) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

// Map entries a key lookup may scan per unit of cost.
constexpr std::size_t kScanUnitsPerCost = 64;

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
    if (const Expr& operand = *e.args[0]; operand.kind == Expr::Kind::Ident && !e.optional && !e.test_only) {
      const std::string type = operand.name + "." + e.name;  // a library's type: net.IP, kubernetes.URL
      if (is_library_type(type) && !bindings_.contains(operand.name) && !in_scope(operand.name)) {
        return Value(TypeName{type});
      }
    }
    Value operand = eval(*e.args[0]);
    if (operand.is_error()) return operand;
    if (auto o = operand.as<Optional>()) {  // optional chaining: none stays none
      if (e.test_only) {
        const MapEntries* m = o->value ? o->value->map() : nullptr;
        if (o->value && !m) return no_overload();
        return Value(m != nullptr && find_key(*m, Value(e.name)) != nullptr);
      }
      if (!o->value) return Value(Optional{});
      Value inner = field(*o->value, e.name, true);
      return inner;
    }
    if (e.test_only) {
      if (auto m = operand.map()) return Value(find_key(*m, Value(e.name)) != nullptr);
      return no_overload();
    }
    return field(operand, e.name, e.optional);
  }

  Value field(const Value& operand, const std::string& name, bool optional) {
    const MapEntries* m = operand.map();
    if (!m) return no_overload();
    const Value* v = find_key(*m, Value(name));
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
        if (!o) return no_overload();
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
        if (!o) return no_overload();
        if (!o->value) continue;
        Value inner = *o->value;  // (a copy first: `o` points into `v`)
        v = std::move(inner);
      }
      if (find_key(out, k)) return error("Failed with repeated key");
      out.emplace_back(std::move(k), std::move(v));
    }
    cost_ += out.size();
    return Value(std::move(out));
  }

  // The Kubernetes minor version that enables a macro (base.go): two-variable comprehensions from
  // 1.32 (ext.TwoVarComprehensions), sortBy with ext.Lists from 1.34.
  static int introduced(const Expr& e) {
    if (e.name == "sortBy") return 34;
    if (!e.var2.empty()) return 32;
    return 0;
  }

  // Comprehension macros: all, exists, exists_one, map, filter and the two-variable forms.
  Value macro(const Expr& e) {
    if (const int since = introduced(e); options_.kube_minor != 0 && options_.kube_minor < since) {
      const std::string what = e.var2.empty() ? "'" + e.name + "'" : "the two-variable form of '" + e.name + "'";
      return error("undeclared reference to " + what + ": Kubernetes enables it from 1." + std::to_string(since) +
                   ", the target is 1." + std::to_string(options_.kube_minor));
    }
    Value range = eval(*e.args[0]);
    if (range.is_error()) return range;
    if (e.name == "optMap" || e.name == "optFlatMap") {  // on an optional: none stays none
      const Optional* o = range.as<Optional>();
      if (!o) return no_overload();
      if (!o->value) return Value(Optional{});
      scopes_.emplace_back(e.var, *o->value);
      Value r = eval(*e.args[1]);
      scopes_.pop_back();
      if (r.is_error() || e.name == "optFlatMap") {
        return r.is_error() || r.as<Optional>() ? r : no_overload();
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
      return no_overload();
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
          err = r.is_error() ? r : no_overload();
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
        if (!b) return no_overload();
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
            return no_overload();
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
    if (name == "sortBy") {  // ext.Lists: sort the list by a key computed per element
      List keys, list;
      for (const auto& item : items) {
        bind(item);
        Value k = eval(*e.args[1]);
        unbind();
        if (k.is_error()) return k;
        keys.push_back(std::move(k));
        list.push_back(item.second);
      }
      if (!range.list()) return no_overload();
      return sort_by_keys(list, keys);
    }
    if (name == "transformMap" || name == "transformMapEntry") {
      MapEntries out;
      for (const auto& item : items) {
        bind(item);
        Value keep = e.args.size() == 3 ? eval(*e.args[1]) : Value(true);
        Value t = keep.as<bool>() && *keep.as<bool>() ? eval(*e.args.back()) : keep;
        unbind();
        if (keep.is_error()) return keep;
        if (!keep.as<bool>()) return no_overload();
        if (!*keep.as<bool>()) continue;
        if (t.is_error()) return t;
        if (name == "transformMap") {
          out.emplace_back(item.first, std::move(t));
          continue;
        }
        const MapEntries* entry = t.map();  // transformMapEntry: each result is a map merged into the output
        if (!entry) return no_overload();
        for (const auto& [k, v] : *entry) {
          if (find_key(out, k)) return error("insert failed: key " + to_literal(k) + " already exists");
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
      if (!b) return no_overload();
      return eval(*e.args[*b ? 1 : 2]);
    }
    // `optional.of(x)` and the other namespaced functions are parsed as calls on the ident `optional`.
    std::string name = f;
    std::vector<Value> args;
    std::size_t first = 0;
    if (e.has_target && e.args[0]->kind == Expr::Kind::Ident && is_function_namespace(e.args[0]->name) &&
        !bindings_.contains(e.args[0]->name) && !in_scope(e.args[0]->name)) {
      name = e.args[0]->name + "." + f;
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

  // A key lookup scans the map (maps keep their insertion order, no index): charged by its length, so
  // lookups in a huge map inside a comprehension stop at the cost budget instead of running on.
  const Value* find_key(const MapEntries& m, const Value& key) {
    cost_ += m.size() / kScanUnitsPerCost;
    return map_find(m, key);
  }

  bool in_scope(const std::string& name) const {
    return std::any_of(scopes_.begin(), scopes_.end(), [&](const auto& scope) { return scope.first == name; });
  }

  Value logical(const Expr& e, bool is_or) {
    Value a = eval(*e.args[0]);
    if (auto b = a.as<bool>(); b && *b == is_or) return Value(is_or);
    Value c = eval(*e.args[1]);
    if (auto b = c.as<bool>(); b && *b == is_or) return Value(is_or);
    if (a.as<bool>() && c.as<bool>()) return Value(!is_or);
    if (a.is_error()) return a;
    if (c.is_error()) return c;
    return no_overload();
  }

  // Not inlined into call(): call() recurses once per level of the tree, and a frame that also
  // holds every function's temporaries would exhaust the stack of a sanitizer build.
  [[gnu::noinline]] Value function(const std::string& f, std::vector<Value>& a, bool receiver) {
    const std::size_t n = a.size();
    if (n == 2) {
      if (f == "_+_" || f == "_-_" || f == "_*_" || f == "_/_" || f == "_%_") return arithmetic(f[1], a[0], a[1]);
      if (f == "_==_" || f == "_!=_") {
        // Map equality looks each key up in the other map: charged before it runs.
        if (const MapEntries* x = a[0].map(), *y = a[1].map(); x && y) {
          cost_ += x->size() * y->size() / kScanUnitsPerCost;
          if (cost_ > options_.cost_limit) return error("operation cancelled: actual cost limit exceeded");
        }
        return Value(equal(a[0], a[1]) == (f == "_==_"));
      }
      if (f == "_<_" || f == "_<=_" || f == "_>_" || f == "_>=_") return relation(f, a[0], a[1]);
      if (f == "@in") return in(a[0], a[1]);
      if (f == "_[_]" || f == "_[?_]") return index(a[0], a[1], f == "_[?_]");
    }
    if (n == 1 && f == "!_") {
      auto b = a[0].as<bool>();
      return b ? Value(!*b) : no_overload();
    }
    if (n == 1 && f == "-_") {
      if (auto i = a[0].as<std::int64_t>()) {
        if (*i == std::numeric_limits<std::int64_t>::min()) return error("return error for overflow");
        return Value(-*i);
      }
      if (auto d = a[0].as<double>()) return Value(-*d);
      return no_overload();
    }
    if (f == "size" && n == 1) return size(a[0]);
    if (f == "type" && n == 1 && !receiver) return Value(TypeName{type_name(a[0])});
    if (f == "dyn" && n == 1 && !receiver) return a[0];
    if (!receiver && n == 1) {
      if (f == "duration") {
        if (a[0].as<Duration>()) return a[0];
        auto s = a[0].as<std::string>();
        return s ? parse_duration(*s) : no_overload();
      }
      if (f == "timestamp") {
        if (a[0].as<Timestamp>()) return a[0];
        if (auto i = a[0].as<std::int64_t>()) return timestamp_from_seconds(*i);
        auto s = a[0].as<std::string>();
        return s ? parse_timestamp(*s) : no_overload();
      }
      if (f == "int") return to_int(a[0]);
      if (f == "uint") return to_uint(a[0]);
      if (f == "double") return to_double(a[0]);
      if (f == "string" && !a[0].as<OpaquePtr>()) return to_string(a[0]);
      if (f == "bytes") return to_bytes(a[0]);
      if (f == "bool") return to_bool(a[0]);
    }
    if (receiver && (a[0].as<Timestamp>() || a[0].as<Duration>()) && (n == 1 || n == 2)) {
      const std::string* zone = n == 2 ? a[1].as<std::string>() : nullptr;
      if (n == 2 && !zone) return no_overload();
      if (auto v = time_accessor(f, a[0], zone ? std::string_view(*zone) : std::string_view(), n == 2)) return *v;
    }
    if (receiver) {
      if (auto s = a[0].as<std::string>()) {
        if (auto v = string_method(f, *s, a)) return *v;
      }
      if (auto o = a[0].as<Optional>()) {
        if (f == "hasValue" && n == 1) return Value(o->value != nullptr);
        if (f == "value" && n == 1) return o->value ? *o->value : error("optional.none() dereference");
        if (f == "orValue" && n == 2) return o->value ? *o->value : a[1];
        if (f == "or" && n == 2) {
          if (o->value) return a[0];
          return a[1].as<Optional>() ? a[1] : no_overload();
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
      if (!s) return no_overload();
      if (auto v = string_method("matches", *s, a)) return *v;
    }
    CallContext context{cost_, options_.cost_limit};
    const Call library_call{f, a, receiver};
    for (const Library& library : libraries()) {
      if (enabled(library, options_.kube_minor)) {
        if (auto v = library.function(library_call, context)) return *v;
      }
    }
    // A function of a library the target Kubernetes version does not enable yet: say so.
    for (const Library& library : libraries()) {
      if (enabled(library, options_.kube_minor)) continue;
      std::uint64_t unused = 0;
      CallContext probe{unused};
      if (library.function(library_call, probe)) {
        return error("undeclared reference to '" + f + "': " + std::string(library.name) +
                     " is enabled from Kubernetes 1." + std::to_string(library.introduced) + ", the target is 1." +
                     std::to_string(options_.kube_minor));
      }
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
      return b ? integer_arithmetic(op, *a, *b) : no_overload();
    }
    if (auto a = x.as<std::uint64_t>()) {
      auto b = y.as<std::uint64_t>();
      return b ? integer_arithmetic(op, *a, *b) : no_overload();
    }
    if (auto a = x.as<double>()) {
      auto b = y.as<double>();
      if (!b || op == '%') return no_overload();
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
        if (!b) return no_overload();
        cost_ += (a->size() + b->size()) / 10;
        return Value(*a + *b);
      }
      if (auto a = x.as<Bytes>()) {
        auto b = y.as<Bytes>();
        if (!b) return no_overload();
        return Value(Bytes{a->data + b->data});
      }
      if (auto a = x.list()) {
        auto b = y.list();
        if (!b) return no_overload();
        List out(*a);
        out.insert(out.end(), b->begin(), b->end());
        cost_ += out.size();
        return Value(std::move(out));
      }
    }
    return no_overload();
  }

  Value relation(const std::string& f, const Value& x, const Value& y) {
    auto c = compare(x, y);
    if (!c) {
      bool numbers = (x.as<std::int64_t>() || x.as<std::uint64_t>() || x.as<double>()) &&
                     (y.as<std::int64_t>() || y.as<std::uint64_t>() || y.as<double>());
      if (numbers) return Value(false);  // NaN compares false
      return no_overload();
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
    if (auto m = container.map()) return Value(find_key(*m, x) != nullptr);
    return no_overload();
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
        return no_overload();
      }
      if (i < 0 || static_cast<std::uint64_t>(i) >= l->size()) {
        return optional ? Value(Optional{}) : error("index out of bounds: " + std::to_string(i));
      }
      return wrap((*l)[static_cast<std::size_t>(i)]);
    }
    if (auto m = container.map()) {
      if (!(key.as<std::int64_t>() || key.as<std::uint64_t>() || key.as<double>() || key.as<bool>() ||
            key.as<std::string>())) {
        return no_overload();
      }
      const Value* v = find_key(*m, key);
      if (!v) return optional ? Value(Optional{}) : error("no such key: " + to_literal(key));
      return wrap(*v);
    }
    return no_overload();
  }

  Value size(const Value& v) {
    if (auto s = v.as<std::string>()) return Value(static_cast<std::int64_t>(support::utf8_code_points(*s)));
    if (auto b = v.as<Bytes>()) return Value(static_cast<std::int64_t>(b->data.size()));
    if (auto l = v.list()) return Value(static_cast<std::int64_t>(l->size()));
    if (auto m = v.map()) return Value(static_cast<std::int64_t>(m->size()));
    return no_overload();
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
    return no_overload();
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
    return no_overload();
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
    return no_overload();
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
    return no_overload();
  }

  Value to_bytes(const Value& v) {
    if (v.as<Bytes>()) return v;
    if (auto s = v.as<std::string>()) return Value(Bytes{*s});
    return no_overload();
  }

  Value to_bool(const Value& v) {
    if (v.as<bool>()) return v;
    if (auto s = v.as<std::string>()) {
      if (*s == "true" || *s == "TRUE" || *s == "True" || *s == "t" || *s == "1") return Value(true);
      if (*s == "false" || *s == "FALSE" || *s == "False" || *s == "f" || *s == "0") return Value(false);
      return error("invalid bool");
    }
    return no_overload();
  }

  // The standard string functions; the strings extension is a library (lib/strings.cpp).
  std::optional<Value> string_method(const std::string& f, const std::string& s, const std::vector<Value>& a) {
    if (a.size() != 2) return std::nullopt;
    const std::string* t = a[1].as<std::string>();
    if (!t) return std::nullopt;
    cost_ += s.size() / 10;
    if (f == "contains") return Value(s.find(*t) != std::string::npos);
    if (f == "startsWith") return Value(s.starts_with(*t));
    if (f == "endsWith") return Value(s.ends_with(*t));
    if (f == "matches") {
      RE2 re(*t, RE2::Quiet);
      if (!re.ok()) return error("invalid regular expression: " + re.error());
      return Value(RE2::PartialMatch(s, re));
    }
    return std::nullopt;
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
