#pragma once
// "Did you mean" suggestions for misspelt rule ids, packs and field names.

#include <string>
#include <string_view>
#include <vector>

namespace chartproof::support {

/// Levenshtein distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `limit` candidates closest to `word`, nearest first, within a distance that scales with length.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

/// ` (did you mean "a" or "b"?)`, or empty when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace chartproof::support
