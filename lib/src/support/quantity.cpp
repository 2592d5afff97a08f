#include "support/quantity.hpp"

#include <array>

namespace chartproof {
namespace {

constexpr Int128 kNano = 1'000'000'000;
const Int128 kLimit = static_cast<Int128>(1) << 120;  // far above 2^63 units; below int128 overflow

bool checked_mul(Int128& v, Int128 by) {
  if (v != 0 && (by > kLimit / v || v > kLimit / by)) return false;
  v *= by;
  return true;
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view s) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  Int128 mantissa = 0;  // all digits, integer and fraction
  int fraction_digits = 0;
  bool any_digit = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (!checked_mul(mantissa, 10)) return std::nullopt;
    mantissa += s[i] - '0';
    any_digit = true;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (!checked_mul(mantissa, 10)) return std::nullopt;
      mantissa += s[i] - '0';
      ++fraction_digits;
      any_digit = true;
    }
  }
  if (!any_digit) return std::nullopt;
  std::string_view suffix = s.substr(i);
  int exp10 = 0;
  int binary_shift = 0;
  static constexpr std::array<std::pair<std::string_view, int>, 6> kBinary = {
      {{"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}}};
  static constexpr std::array<std::pair<std::string_view, int>, 10> kDecimal = {
      {{"n", -9}, {"u", -6}, {"m", -3}, {"", 0}, {"k", 3}, {"M", 6}, {"G", 9}, {"T", 12}, {"P", 15}, {"E", 18}}};
  bool known = false;
  for (const auto& [name, shift] : kBinary) {
    if (suffix == name) {
      binary_shift = shift;
      known = true;
    }
  }
  for (const auto& [name, e] : kDecimal) {
    if (suffix == name) {
      exp10 = e;
      known = true;
    }
  }
  if (!known && (suffix[0] == 'e' || suffix[0] == 'E') && suffix.size() > 1) {
    std::size_t j = 1;
    bool neg_exp = false;
    if (suffix[j] == '+' || suffix[j] == '-') neg_exp = suffix[j++] == '-';
    if (j >= suffix.size()) return std::nullopt;
    int e = 0;
    for (; j < suffix.size(); ++j) {
      if (suffix[j] < '0' || suffix[j] > '9' || e > 1000) return std::nullopt;
      e = e * 10 + (suffix[j] - '0');
    }
    exp10 = neg_exp ? -e : e;
    known = true;
  }
  if (!known) return std::nullopt;
  // value = mantissa * 10^(exp10 - fraction_digits) * 2^binary_shift, in nano-units (x 10^9).
  Int128 value = mantissa;
  if (!checked_mul(value, static_cast<Int128>(1) << binary_shift)) return std::nullopt;
  int scale = exp10 - fraction_digits + 9;
  for (; scale > 0; --scale) {
    if (!checked_mul(value, 10)) return std::nullopt;
  }
  for (; scale < 0; ++scale) {
    Int128 rest = value % 10;
    value = value / 10 + (rest != 0 ? 1 : 0);  // round up, like Kubernetes
  }
  return Quantity{negative ? -value : value};
}

std::string Quantity::to_string() const {
  Int128 v = nanos < 0 ? -nanos : nanos;
  std::string sign = nanos < 0 ? "-" : "";
  auto digits = [](Int128 x) {
    std::string out;
    do {
      out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(x % 10)));
      x /= 10;
    } while (x > 0);
    return out;
  };
  if (v % kNano == 0) {
    Int128 units = v / kNano;
    static constexpr std::array<std::pair<const char*, int>, 4> kBinary = {
        {{"Gi", 30}, {"Mi", 20}, {"Ki", 10}, {"", 0}}};
    for (const auto& [name, shift] : kBinary) {
      Int128 unit = static_cast<Int128>(1) << shift;
      if (shift > 0 && units >= unit && units % unit == 0) return sign + digits(units / unit) + name;
    }
    return sign + digits(units);
  }
  if (v % 1'000'000 == 0) return sign + digits(v / 1'000'000) + "m";
  return sign + digits(v) + "n";
}

}  // namespace chartproof
