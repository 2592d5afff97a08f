#pragma once
// UTF-8 validity, shared by the parser (which rejects invalid text) and the formatters (which must
// write valid UTF-8 whatever the input held).

#include <cstddef>
#include <string>
#include <string_view>

namespace chartproof::support {

/// Length of the valid UTF-8 sequence that starts at text[i] (1 for ASCII), or 0 when the bytes
/// there are not valid UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// Characters (code points) in `text`: the bytes that do not continue a UTF-8 sequence. Columns and
/// lengths people see count these, not bytes.
std::size_t utf8_code_points(std::string_view text);

/// `text` with every invalid UTF-8 sequence replaced by U+FFFD (for output that must be UTF-8).
std::string to_valid_utf8(std::string_view text);

}  // namespace chartproof::support
