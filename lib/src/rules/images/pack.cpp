#include "rules/images/pack.hpp"

namespace chartproof::rules {

std::vector<RuleDefinition> images_pack() {
  return {
      image_tag_mutable_rule(),
  };
}

}  // namespace chartproof::rules
