#pragma once
// Where the values of a JSON text are, without parsing them: the schema bundle is 775 KB of which a
// lint needs one Kubernetes version's tables and the definitions its kinds reach, so it finds the
// spans of the rest and leaves them unparsed (RapidJSON parses a whole value or nothing; parsing
// the bundle took 18 of the 74 million instructions of linting the example's rendered.yaml).
//
// Only structure is read: strings are skipped (escapes included), brackets counted. Text that is not
// JSON gives empty results; the bundle test parses every span the lint may ask for.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace chartproof::kubeschema {

/// A value's text: json.substr(begin, end - begin).
struct JsonSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view in(std::string_view json) const { return json.substr(begin, end - begin); }
};

/// The end of the value that starts at `at` (after any whitespace), or npos when it is not one.
std::size_t skip_json_value(std::string_view json, std::size_t at);

/// The members of the object at `span`: each name as written between its quotes (no unescaping;
/// the bundle's names need none) and its value's span. Empty when `span` is not an object.
std::vector<std::pair<std::string_view, JsonSpan>> json_object_members(std::string_view json, JsonSpan span);

/// The items of the array at `span`. Empty when `span` is not an array.
std::vector<JsonSpan> json_array_items(std::string_view json, JsonSpan span);

/// The span of member `name` of the object at `span`, or an empty span.
JsonSpan json_member(std::string_view json, JsonSpan span, std::string_view name);

}  // namespace chartproof::kubeschema
