#pragma once
/// \file
/// Rule packs: rules a program adds beside the built-in ones, and the catalogue of every rule a
/// run knows (the built-in packs, then the caller's), which policies, the linter and `rules` read.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/error.hpp"
#include "chartproof/rule.hpp"

namespace chartproof {

/// A pack of rules, as a value: its name, its rules (metadata + how to make the check) and
/// optional profiles. Its rules behave exactly like built-in ones: policies configure them,
/// `chartproof.io/ignore` suppresses them, every output format carries them.
struct RulePack {
  std::string name;  ///< kebab-case, not a built-in pack's name; each rule's meta.pack is set to it
  std::vector<RuleDefinition> rules;
  /// Profiles the pack brings, by name: policy YAML text (`kind: Policy`), which may extend a
  /// built-in profile. Usable wherever a built-in profile name is (`--profile`, `extends`).
  std::map<std::string, std::string> profiles;
};

/// Every rule a run knows, in a stable order: the built-in packs, then each pack given.
class RuleCatalogue {
 public:
  /// The built-in rules only (shared; built on first use).
  static std::shared_ptr<const RuleCatalogue> builtin();
  /// The built-in rules and `packs`. A pack or rule id used twice (or a built-in one), a pack
  /// rule that names another pack, an empty summary, a rule without a check, or a malformed
  /// parameter declaration (empty or repeated name) is an Error naming the pack.
  static Expected<std::shared_ptr<const RuleCatalogue>> create(std::vector<RulePack> packs);

  const std::vector<const RuleDefinition*>& rules() const { return rules_; }
  const RuleDefinition* find(std::string_view id) const;
  /// The pack of every rule, each once, in catalogue order.
  std::vector<std::string> pack_names() const;
  /// The packs given to create() (empty for the built-in catalogue).
  const std::vector<RulePack>& packs() const { return packs_; }
  /// The profile a given pack brings under `name`, or null.
  const std::string* pack_profile(std::string_view name) const;

 private:
  std::vector<RulePack> packs_;
  std::vector<const RuleDefinition*> rules_;
};

}  // namespace chartproof
