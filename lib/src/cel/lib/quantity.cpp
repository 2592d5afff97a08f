// Kubernetes' quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go): quantity,
// isQuantity, sign, isInteger, asInteger, asApproximateFloat, add, sub, isGreaterThan,
// isLessThan, compareTo. Quantities are exact (support/quantity.hpp: whole nano-units).
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include "cel/library.hpp"
#include "support/quantity.hpp"

namespace chartproof::cel {
namespace {

class QuantityValue final : public Opaque {
 public:
  explicit QuantityValue(Quantity q) : quantity(q) {}
  std::string_view type() const override { return "kubernetes.Quantity"; }
  bool equals(const Opaque& other) const override {
    return quantity == static_cast<const QuantityValue&>(other).quantity;
  }
  std::string literal() const override { return "quantity(\"" + quantity.to_string() + "\")"; }
  Quantity quantity;
};

constexpr Int128 kNano = 1'000'000'000;

Value make(Int128 nanos) {
  // The parser's range: far beyond any int64 of whole units, well inside int128.
  const Int128 limit = static_cast<Int128>(1) << 120;
  if (nanos > limit || nanos < -limit) return error("quantity overflow");
  return Value(OpaquePtr(std::make_shared<const QuantityValue>(Quantity{nanos})));
}

}  // namespace

std::optional<Value> quantity_library(const Call& call, CallContext& context) {
  const auto& a = call.args;
  const std::string_view f = call.name;
  context.cost += 1;
  if (!call.receiver && a.size() == 1 && a[0].as<std::string>() && (f == "quantity" || f == "isQuantity")) {
    auto q = parse_quantity(*a[0].as<std::string>());
    if (f == "isQuantity") return Value(q.has_value());
    if (!q) {
      return error(
          "quantities must match the regular expression "
          "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    return make(q->nanos);
  }
  const QuantityValue* self = call.receiver && !a.empty() ? a[0].opaque<QuantityValue>() : nullptr;
  if (!self) return std::nullopt;
  const Int128 n = self->quantity.nanos;
  if (a.size() == 1) {
    if (f == "sign") return Value(static_cast<std::int64_t>(n > 0 ? 1 : (n < 0 ? -1 : 0)));
    const bool integral = n % kNano == 0 && n / kNano <= std::numeric_limits<std::int64_t>::max() &&
                          n / kNano >= std::numeric_limits<std::int64_t>::min();
    if (f == "isInteger") return Value(integral);
    if (f == "asInteger") {
      if (!integral) return error("cannot convert value to integer");
      return Value(static_cast<std::int64_t>(n / kNano));
    }
    if (f == "asApproximateFloat") return Value(static_cast<double>(n) / 1e9);
    return std::nullopt;
  }
  if (a.size() != 2) return std::nullopt;
  const QuantityValue* other = a[1].opaque<QuantityValue>();
  if (f == "add" || f == "sub") {
    Int128 operand = 0;
    if (other) {
      operand = other->quantity.nanos;
    } else if (auto i = a[1].as<std::int64_t>()) {
      operand = static_cast<Int128>(*i) * kNano;
    } else {
      return std::nullopt;
    }
    return make(f == "add" ? n + operand : n - operand);
  }
  if (!other) return std::nullopt;
  const Int128 m = other->quantity.nanos;
  if (f == "isGreaterThan") return Value(n > m);
  if (f == "isLessThan") return Value(n < m);
  if (f == "compareTo") return Value(static_cast<std::int64_t>(n > m ? 1 : (n < m ? -1 : 0)));
  return std::nullopt;
}

}  // namespace chartproof::cel
