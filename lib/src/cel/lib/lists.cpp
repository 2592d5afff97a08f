// Kubernetes' lists library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min,
// max, indexOf, lastIndexOf on lists; and cel-go's sets extension (ext.Sets, Kubernetes 1.29+):
// sets.contains, sets.equivalent, sets.intersects.
#include <cstdint>
#include <string>

#include "cel/library.hpp"
#include "cel/text.hpp"
#include "cel/time.hpp"

namespace chartproof::cel {
namespace {

using Int = std::int64_t;

// a + b for the types sum() accepts (int, uint, double, duration), with overflow errors.
Value add(const Value& a, const Value& b) {
  if (auto x = a.as<Int>(), y = b.as<Int>(); x && y) {
    Int r = 0;
    return __builtin_add_overflow(*x, *y, &r) ? error("return error for overflow") : Value(r);
  }
  if (auto x = a.as<std::uint64_t>(), y = b.as<std::uint64_t>(); x && y) {
    std::uint64_t r = 0;
    return __builtin_add_overflow(*x, *y, &r) ? error("return error for overflow") : Value(r);
  }
  if (auto x = a.as<double>(), y = b.as<double>(); x && y) return Value(*x + *y);
  if (a.as<Duration>() && b.as<Duration>()) {
    if (auto sum = time_arithmetic('+', a, b)) return *sum;
  }
  return no_overload();
}

Value extreme(const List& l, bool want_min) {
  if (l.empty()) return error(std::string(want_min ? "min" : "max") + " called on empty list");
  const Value* best = &l.front();
  for (const Value& v : l) {
    auto c = compare(*best, v);
    if (!c) return no_overload();
    if ((want_min && *c > 0) || (!want_min && *c < 0)) best = &v;
  }
  return *best;
}

bool contains(const List& whole, const Value& v) {
  for (const Value& w : whole) {
    if (equal(w, v)) return true;
  }
  return false;
}

bool contains_all(const List& whole, const List& part) {
  for (const Value& p : part) {
    if (!contains(whole, p)) return false;
  }
  return true;
}

}  // namespace

std::optional<Value> lists_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  if (!call.receiver || a.empty() || !a[0].list()) return std::nullopt;
  const List& l = *a[0].list();
  const std::string_view f = call.name;
  context.cost += l.size() + 1;
  if (a.size() == 1) {
    if (f == "isSorted") {
      for (std::size_t i = 1; i < l.size(); ++i) {
        auto c = compare(l[i - 1], l[i]);
        if (!c) return no_overload();
        if (*c > 0) return Value(false);
      }
      return Value(true);
    }
    if (f == "sum") {
      Value total = l.empty() ? Value(Int{0}) : l.front();
      for (std::size_t i = 1; i < l.size() && !total.is_error(); ++i) total = add(total, l[i]);
      return total;
    }
    if (f == "min" || f == "max") return extreme(l, f == "min");
  }
  if (a.size() == 2 && (f == "indexOf" || f == "lastIndexOf")) {
    const bool last = f == "lastIndexOf";
    for (std::size_t k = 0; k < l.size(); ++k) {
      const std::size_t i = last ? l.size() - 1 - k : k;
      if (equal(l[i], a[1])) return Value(static_cast<Int>(i));
    }
    return Value(Int{-1});
  }
  return std::nullopt;
}

std::optional<Value> sets_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  if (call.receiver || a.size() != 2 || !a[0].list() || !a[1].list()) return std::nullopt;
  const List& x = *a[0].list();
  const List& y = *a[1].list();
  const std::uint64_t work = x.size() * y.size() / 10 + 1;  // each element of one against the other
  if (!context.affordable(work)) return over_budget();
  context.cost += work;
  if (call.name == "sets.contains") return Value(contains_all(x, y));
  if (call.name == "sets.equivalent") return Value(contains_all(x, y) && contains_all(y, x));
  if (call.name == "sets.intersects") {
    for (const Value& v : y) {
      if (contains(x, v)) return Value(true);
    }
    return Value(false);
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
