#pragma once
/// \file
/// "Did you mean" for a misspelt name: a command, a rule id, a pack.

#include <string>
#include <string_view>
#include <vector>

namespace chartproof {

/// ` (did you mean "a" or "b"?)` for a misspelt name among `candidates`, or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace chartproof
