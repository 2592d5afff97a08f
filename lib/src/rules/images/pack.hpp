#pragma once
// The images pack: what a pod runs must be pinned.
#include <vector>

#include "chartproof/rule.hpp"

namespace chartproof::rules {
RuleDefinition image_tag_mutable_rule();
std::vector<RuleDefinition> images_pack();
}  // namespace chartproof::rules
