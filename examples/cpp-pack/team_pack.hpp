#pragma once
// A rule pack a team writes in C++: two rules of its own, beside chartproof's built-in packs.
#include "chartproof/rule_pack.hpp"

namespace team {

/// The "team-web" pack: image-from-team-registry (per resource) and
/// replicated-deployment-without-pdb (cross-object, through the resource graph).
chartproof::RulePack team_pack();

}  // namespace team
