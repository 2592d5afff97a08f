// The catalogue of a run: built-in rules, then the caller's packs, each checked once here so that
// a pack's mistake is one clear error at creation, not a surprise in some later lint.
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "chartproof/policy.hpp"
#include "chartproof/rule_pack.hpp"
#include "policy/policy_internal.hpp"

namespace chartproof {

bool is_kebab_case(std::string_view s) {
  static const RE2 kKebab("[a-z0-9]+(-[a-z0-9]+)*");
  return RE2::FullMatch(s, kKebab);
}

namespace {

Error pack_error(const std::string& pack, const std::string& message) {
  return Error{"", 0, 0, "rule pack \"" + pack + "\": " + message};
}

}  // namespace

std::shared_ptr<const RuleCatalogue> RuleCatalogue::builtin() {
  static const std::shared_ptr<const RuleCatalogue> catalogue = [] {
    auto c = std::make_shared<RuleCatalogue>();
    for (const auto& def : builtin_rules()) c->rules_.push_back(&def);
    return std::shared_ptr<const RuleCatalogue>(std::move(c));
  }();
  return catalogue;
}

Expected<std::shared_ptr<const RuleCatalogue>> RuleCatalogue::create(std::vector<RulePack> packs) {
  auto c = std::make_shared<RuleCatalogue>();
  std::set<std::string> ids;
  std::set<std::string> pack_names;
  for (const auto& def : builtin_rules()) {
    ids.insert(def.meta.id);
    pack_names.insert(def.meta.pack);
  }
  auto profile_names = builtin_profile_names();
  std::set<std::string> profiles(profile_names.begin(), profile_names.end());
  for (auto& pack : packs) {
    if (!is_kebab_case(pack.name)) return pack_error(pack.name, "a pack name must be kebab-case, e.g. team-web");
    if (!pack_names.insert(pack.name).second)
      return pack_error(pack.name, "the name is already a pack's (built-in packs and packs given earlier)");
    for (auto& def : pack.rules) {
      RuleMeta& meta = def.meta;
      if (!is_kebab_case(meta.id))
        return pack_error(pack.name, "rule id \"" + meta.id + "\" must be kebab-case, e.g. image-from-registry");
      if (!ids.insert(meta.id).second) return pack_error(pack.name, "rule id \"" + meta.id + "\" is already taken");
      if (meta.pack.empty()) meta.pack = pack.name;
      if (meta.pack != pack.name)
        return pack_error(pack.name, "rule \"" + meta.id + "\" says it belongs to pack \"" + meta.pack + "\"");
      if (meta.summary.empty()) return pack_error(pack.name, "rule \"" + meta.id + "\" needs a summary");
      if (!def.make) return pack_error(pack.name, "rule \"" + meta.id + "\" has no check (make)");
      // The schema bundle and the probe render are internal to the library's own rules.
      if (meta.needs_schemas || meta.needs_probe_render)
        return pack_error(pack.name, "rule \"" + meta.id +
                                         "\" asks for needs_schemas or needs_probe_render, which "
                                         "only built-in rules can use");
      std::set<std::string> params;
      static const RE2 kParam("[a-z][a-z0-9_]*");
      for (const auto& p : meta.params) {
        if (!RE2::FullMatch(p.name, kParam))
          return pack_error(pack.name, "rule \"" + meta.id + "\": parameter name \"" + p.name +
                                           "\" must be lower_snake_case, e.g. max_replicas");
        if (!params.insert(p.name).second)
          return pack_error(pack.name, "rule \"" + meta.id + "\": parameter \"" + p.name + "\" is declared twice");
      }
    }
    for (const auto& [name, text] : pack.profiles) {
      if (!is_kebab_case(name)) return pack_error(pack.name, "profile name \"" + name + "\" must be kebab-case");
      if (!profiles.insert(name).second) return pack_error(pack.name, "profile \"" + name + "\" is already defined");
    }
  }
  c->packs_ = std::move(packs);
  for (const auto& def : builtin_rules()) c->rules_.push_back(&def);
  for (const auto& pack : c->packs_) {
    for (const auto& def : pack.rules) c->rules_.push_back(&def);
  }
  return std::shared_ptr<const RuleCatalogue>(std::move(c));
}

const RuleDefinition* RuleCatalogue::find(std::string_view id) const {
  for (const auto* def : rules_) {
    if (def->meta.id == id) return def;
  }
  return nullptr;
}

std::vector<std::string> RuleCatalogue::pack_names() const {
  std::vector<std::string> out;
  for (const auto* def : rules_) {
    if (std::find(out.begin(), out.end(), def->meta.pack) == out.end()) out.push_back(def->meta.pack);
  }
  return out;
}

const std::string* RuleCatalogue::pack_profile(std::string_view name) const {
  for (const auto& pack : packs_) {
    if (auto it = pack.profiles.find(std::string(name)); it != pack.profiles.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace chartproof
