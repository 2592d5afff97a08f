#pragma once
// `helm template … | chartproof lint - --chart DIR`: does the piped render match chartproof's own
// render of DIR? When it does not (other -f/--set values, another release name or Kubernetes
// version), findings map to the default values lines of a render that is not the input, so the run
// says which documents differ instead of mapping silently wrong.

#include <string>
#include <string_view>
#include <vector>

namespace chartproof::chart {

/// The templates (`# Source:` names, in order of first appearance) of documents that differ between
/// two `helm template` outputs, or that only one of them has; documents are matched by template and
/// position within it. Trailing spaces and blank lines do not count.
std::vector<std::string> differing_templates(std::string_view a, std::string_view b);

/// The templates of `differing` that are not in `unstable` (documents that differ between two
/// renders with the same options: randAlphaNum, now, genCA…).
std::vector<std::string> without(const std::vector<std::string>& differing, const std::vector<std::string>& unstable);

}  // namespace chartproof::chart
