#include "parse/scalar_resolve.hpp"

#include <array>
#include <cctype>

namespace chartproof::parse {
namespace {

// go-yaml v2 resolve.go: these exact spellings, nothing case-insensitive beyond them.
// (string_views, so comparing is a length test before any byte is read.)
using namespace std::string_view_literals;
constexpr std::array kBoolWords = {"y"sv,  "Y"sv,  "yes"sv,  "Yes"sv,  "YES"sv,  "n"sv,     "N"sv,     "no"sv,
                                   "No"sv, "NO"sv, "true"sv, "True"sv, "TRUE"sv, "false"sv, "False"sv, "FALSE"sv,
                                   "on"sv, "On"sv, "ON"sv,   "off"sv,  "Off"sv,  "OFF"sv};
constexpr std::array kNullWords = {""sv, "~"sv, "null"sv, "Null"sv, "NULL"sv};
constexpr std::array kSpecialFloats = {".nan"sv,  ".NaN"sv,  ".NAN"sv,  ".inf"sv,  ".Inf"sv,  ".INF"sv,
                                       "+.inf"sv, "+.Inf"sv, "+.INF"sv, "-.inf"sv, "-.Inf"sv, "-.INF"sv};

template <typename Words>
bool one_of(std::string_view text, const Words& words) {
  for (std::string_view w : words) {
    if (text == w) return true;
  }
  return false;
}

bool is_digit_in_base(char c, int base) {
  if (base == 16) return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  if (base == 8) return c >= '0' && c <= '7';
  if (base == 2) return c == '0' || c == '1';
  return c >= '0' && c <= '9';
}

// go-yaml v2 yamlStyleFloat: ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool looks_like_float(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  } else {
    if (!digits()) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

}  // namespace

// The integer test of split_int_literal without building the digits (called for every plain
// scalar that starts like a number).
bool is_int_literal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i >= s.size()) return false;
  int base = 10;
  if (s.size() - i > 1 && s[i] == '0') {
    char p = s[i + 1];
    base = (p == 'x' || p == 'X') ? 16 : (p == 'b' || p == 'B') ? 2 : 8;
    i += (p == 'x' || p == 'X' || p == 'o' || p == 'O' || p == 'b' || p == 'B') ? 2 : 1;
  }
  bool any = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '_') continue;
    if (!is_digit_in_base(s[i], base)) return false;
    any = true;
  }
  return any;
}

std::optional<IntLiteral> split_int_literal(std::string_view s) {
  IntLiteral lit;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) lit.negative = s[i++] == '-';
  if (i >= s.size()) return std::nullopt;
  if (s.size() - i > 1 && s[i] == '0') {
    char p = s[i + 1];
    if (p == 'x' || p == 'X') {
      lit.base = 16;
      i += 2;
    } else if (p == 'o' || p == 'O') {
      lit.base = 8;
      i += 2;
    } else if (p == 'b' || p == 'B') {
      lit.base = 2;
      i += 2;
    } else {
      lit.base = 8;
      i += 1;
    }
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '_') continue;
    if (!is_digit_in_base(s[i], lit.base)) return std::nullopt;
    lit.digits.push_back(s[i]);
  }
  if (lit.digits.empty()) return std::nullopt;
  return lit;
}

NodeType resolve_plain_scalar(std::string_view text) {
  if (text.empty()) return NodeType::Null;
  char c = text.front();
  bool number_start = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
  // Most plain scalars are names: their first character rules out every word and number, and
  // they are strings without a comparison.
  if (!number_start && std::string_view("~nNyYtTfFoO").find(c) == std::string_view::npos) return NodeType::String;
  if (one_of(text, kNullWords)) return NodeType::Null;
  if (text.size() <= 5 && one_of(text, kBoolWords)) return NodeType::Bool;
  if (!number_start) return NodeType::String;
  if (is_int_literal(text)) return NodeType::Int;
  if (looks_like_float(text) || one_of(text, kSpecialFloats)) return NodeType::Float;
  return NodeType::String;
}

NodeType resolve_tagged_scalar(std::string_view tag, std::string_view text, bool quoted) {
  constexpr std::string_view kPrefix = "tag:yaml.org,2002:";
  if (tag.substr(0, kPrefix.size()) == kPrefix) {
    std::string_view name = tag.substr(kPrefix.size());
    if (name == "str" || name == "binary" || name == "timestamp") return NodeType::String;
    if (name == "int") return NodeType::Int;
    if (name == "float") return NodeType::Float;
    if (name == "bool") return NodeType::Bool;
    if (name == "null") return NodeType::Null;
  }
  return quoted ? NodeType::String : resolve_plain_scalar(text);
}

}  // namespace chartproof::parse
