// Text helpers of the CEL engine (see text.hpp).
#include "cel/text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace chartproof::cel {

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

}  // namespace chartproof::cel
