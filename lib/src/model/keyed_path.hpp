#pragma once
// keyed_path (model.hpp) for a caller that makes many keyed paths in one resource (the engine's
// reporter, a finding per key of a large mapping): the mappings on the way are looked up through
// the caller's MemberIndex, so the paths cost O(findings + keys), not O(findings x keys).

#include <string>
#include <string_view>

#include "chartproof/model.hpp"
#include "model/member_index.hpp"

namespace chartproof::model {

/// keyed_path(root, path), looking mappings up through `members`.
std::string keyed_path(Node root, std::string_view path, MemberIndex& members);

}  // namespace chartproof::model
