#pragma once
// Text helpers the evaluator and the libraries share: strings are indexed by code point in CEL,
// and doubles are written as cel-go writes them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cel/value.hpp"

namespace chartproof::cel {

/// The message of a call no overload accepts (cel-go's wording).
inline constexpr std::string_view kNoOverload = "no such overload";
inline Value no_overload() { return error(std::string(kNoOverload)); }

/// Whether `s` is well-formed UTF-8 (by sequence shape).
bool valid_utf8(std::string_view s);

/// The code points of a string, for indexing (substring, charAt).
std::vector<std::string_view> code_points(std::string_view s);

/// A double as cel-go writes it (Go's strconv.FormatFloat(d, 'g', -1, 64)).
std::string format_double(double d);

}  // namespace chartproof::cel
