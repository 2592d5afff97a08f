// cel-go's lists extension at the version Kubernetes enables from 1.34 (ext.Lists(3)): slice,
// flatten, sort, reverse, distinct, lists.range (sortBy is a macro: the evaluator's). Messages
// follow cel-go's ext/lists.go.
#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "cel/library.hpp"
#include "cel/text.hpp"

namespace chartproof::cel {
namespace {

using Int = std::int64_t;

// The largest list lists.range builds (cel-go's maxRangeSize).
constexpr Int kMaxRange = 10'000'000;

Value flatten(const List& l, Int depth, CallContext& context) {
  if (depth < 0) return error("level must be non-negative");
  List out;
  for (const Value& v : l) {
    const List* inner = v.list();
    if (!inner || depth == 0) {
      out.push_back(v);
      continue;
    }
    Value flat = flatten(*inner, depth - 1, context);
    if (flat.is_error()) return flat;
    const List& items = *flat.list();
    out.insert(out.end(), items.begin(), items.end());
  }
  context.cost += out.size();
  return Value(std::move(out));
}

}  // namespace

/// Sorts `list` by `keys` (same size; comparable values of one type), as sort() and sortBy() do.
Value sort_by_keys(const List& list, const List& keys) {
  if (list.size() != keys.size()) return error("sortBy: the keys and the list differ in size");
  if (list.empty()) return Value(list);
  const std::string first_type = type_name(keys.front());
  for (const Value& k : keys) {
    if (type_name(k) != first_type) return error("list elements must have the same type");
    if (!compare(k, k)) return error("list elements must be comparable");  // NaN too: no order
  }
  std::vector<std::size_t> order(list.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    auto c = compare(keys[i], keys[j]);
    return c && *c < 0;
  });
  List out;
  out.reserve(list.size());
  for (std::size_t i : order) out.push_back(list[i]);
  return Value(std::move(out));
}

std::optional<Value> ext_lists_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const std::string_view f = call.name;
  if (f == "lists.range" && !call.receiver && a.size() == 1 && a[0].as<Int>()) {
    const Int n = *a[0].as<Int>();
    if (n < 0) return error("lists.range: size must be non-negative, got " + std::to_string(n));
    if (n > kMaxRange) {
      return error("lists.range: size " + std::to_string(n) + " exceeds maximum allowed (" + std::to_string(kMaxRange) +
                   ")");
    }
    if (!context.affordable(static_cast<std::uint64_t>(n))) return over_budget();
    context.cost += static_cast<std::uint64_t>(n);
    List out;
    out.reserve(static_cast<std::size_t>(n));
    for (Int i = 0; i < n; ++i) out.emplace_back(i);
    return Value(std::move(out));
  }
  if (!call.receiver || a.empty() || !a[0].list()) return std::nullopt;
  const List& l = *a[0].list();
  context.cost += l.size() + 1;
  if (f == "slice" && a.size() == 3 && a[1].as<Int>() && a[2].as<Int>()) {
    const Int lo = *a[1].as<Int>(), hi = *a[2].as<Int>();
    const std::string call_text = "cannot slice(" + std::to_string(lo) + ", " + std::to_string(hi) + "), ";
    if (lo < 0 || hi < 0) return error(call_text + "negative indexes not supported");
    if (lo > hi) return error(call_text + "start index must be less than or equal to end index");
    if (static_cast<Int>(l.size()) < hi) return error(call_text + "list is length " + std::to_string(l.size()));
    return Value(List(l.begin() + lo, l.begin() + hi));
  }
  if (f == "flatten" && (a.size() == 1 || (a.size() == 2 && a[1].as<Int>()))) {
    return flatten(l, a.size() == 2 ? *a[1].as<Int>() : 1, context);
  }
  if (a.size() != 1) return std::nullopt;
  if (f == "sort") return sort_by_keys(l, l);
  if (f == "reverse") return Value(List(l.rbegin(), l.rend()));
  if (f == "distinct") {
    if (!context.affordable(l.size() * l.size() / 10)) return over_budget();  // each against those kept
    List out;
    for (const Value& v : l) {
      if (std::none_of(out.begin(), out.end(), [&](const Value& seen) { return equal(seen, v); })) out.push_back(v);
    }
    return Value(std::move(out));
  }
  return std::nullopt;
}

}  // namespace chartproof::cel
