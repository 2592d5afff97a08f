// The images pack: what a pod runs must be pinned.
// A rule is registered here, once: its definition function, declared and listed.
#include <vector>

#include "chartproof/rule.hpp"
#include "rules/packs.hpp"

namespace chartproof::rules {

RuleDefinition image_tag_mutable_rule();  // image_tag_mutable.cpp

std::vector<RuleDefinition> images_pack() {
  return {
      image_tag_mutable_rule(),
  };
}

}  // namespace chartproof::rules
