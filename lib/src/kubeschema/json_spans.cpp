#include "kubeschema/json_spans.hpp"

#include <cstring>
#include <string>

namespace chartproof::kubeschema {
namespace {

constexpr std::size_t npos = std::string_view::npos;

std::size_t skip_space(std::string_view json, std::size_t at) {
  while (at < json.size() && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) ++at;
  return at;
}

// The position after the string whose opening quote is at `at`, or npos. memchr finds each quote
// (most of the bundle is inside strings); a quote preceded by an odd number of backslashes is escaped.
std::size_t skip_string(std::string_view json, std::size_t at) {
  for (std::size_t from = at + 1; from < json.size();) {
    const void* found = std::memchr(json.data() + from, '"', json.size() - from);
    if (!found) return npos;
    std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(found) - json.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > at + 1 && json[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
  return npos;
}

// Calls `each(begin)` at the start of every element (item, or member name) of the container at
// `span`; `each` returns where the element ends, or npos to stop. False when the text is not JSON.
template <typename Each>
bool for_each_element(std::string_view json, JsonSpan span, char open, char close, Each each) {
  std::size_t at = skip_space(json, span.begin);
  if (at >= span.end || json[at] != open) return false;
  at = skip_space(json, at + 1);
  if (at < span.end && json[at] == close) return true;
  while (at < span.end) {
    std::size_t end = each(at);
    if (end == npos) return false;
    at = skip_space(json, end);
    if (at >= span.end) return false;
    if (json[at] == close) return true;
    if (json[at] != ',') return false;
    at = skip_space(json, at + 1);
  }
  return false;
}

}  // namespace

std::size_t skip_json_value(std::string_view json, std::size_t at) {
  at = skip_space(json, at);
  if (at >= json.size()) return npos;
  char c = json[at];
  if (c == '"') return skip_string(json, at);
  if (c != '{' && c != '[') {  // a number, true, false or null: up to the next delimiter
    std::size_t end = at;
    while (end < json.size() && std::strchr(",}] \n\r\t", json[end]) == nullptr) ++end;
    return end == at ? npos : end;
  }
  std::string open;  // the brackets still open, innermost last
  for (std::size_t i = at; i < json.size(); ++i) {
    char d = json[i];
    if (d == '"') {
      i = skip_string(json, i);
      if (i == npos) return npos;
      --i;
    } else if (d == '{' || d == '[') {
      open.push_back(d);
    } else if (d == '}' || d == ']') {
      if (open.empty() || open.back() != (d == '}' ? '{' : '[')) return npos;
      open.pop_back();
      if (open.empty()) return i + 1;
    }
  }
  return npos;
}

std::vector<std::pair<std::string_view, JsonSpan>> json_object_members(std::string_view json, JsonSpan span) {
  std::vector<std::pair<std::string_view, JsonSpan>> out;
  bool ok = for_each_element(json, span, '{', '}', [&](std::size_t at) {
    if (json[at] != '"') return npos;
    std::size_t name_end = skip_string(json, at);
    if (name_end == npos) return npos;
    std::size_t colon = skip_space(json, name_end);
    if (colon >= span.end || json[colon] != ':') return npos;
    std::size_t value = skip_space(json, colon + 1);
    std::size_t end = skip_json_value(json, value);
    if (end == npos || end > span.end) return npos;
    out.emplace_back(json.substr(at + 1, name_end - at - 2), JsonSpan{value, end});
    return end;
  });
  if (!ok) out.clear();
  return out;
}

std::vector<JsonSpan> json_array_items(std::string_view json, JsonSpan span) {
  std::vector<JsonSpan> out;
  bool ok = for_each_element(json, span, '[', ']', [&](std::size_t at) {
    std::size_t end = skip_json_value(json, at);
    if (end == npos || end > span.end) return npos;
    out.push_back(JsonSpan{at, end});
    return end;
  });
  if (!ok) out.clear();
  return out;
}

JsonSpan json_member(std::string_view json, JsonSpan span, std::string_view name) {
  for (const auto& [member, value] : json_object_members(json, span)) {
    if (member == name) return value;
  }
  return {};
}

}  // namespace chartproof::kubeschema
