// Policy files and profiles: following `extends`, detecting cycles, finding .chartproof.yaml.
#include <algorithm>

#include "chartproof/policy.hpp"
#include "io/read_file.hpp"
#include "policy/builtin_profiles.hpp"
#include "policy/policy_internal.hpp"
#include "support/suggest.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> custom_ids(const Policy& p) {
  std::vector<std::string> ids;
  for (const auto& s : p.custom_rules) ids.push_back(s.id);
  return ids;
}

Expected<Policy> resolve(std::string_view text, const std::string& file, const fs::path& dir,
                         std::vector<std::string>& chain, const RuleCatalogue& rules);

// An `extends` entry: a built-in profile name, a rule pack's profile name, or a policy file
// relative to the extending one.
Expected<Policy> resolve_parent(const std::string& ref, const std::string& from, const fs::path& dir,
                                std::vector<std::string>& chain, const RuleCatalogue& rules) {
  const auto& profiles = policy::embedded_profiles();
  auto builtin = std::find_if(profiles.begin(), profiles.end(), [&](const auto& p) { return p.first == ref; });
  if (builtin != profiles.end()) {
    return resolve(builtin->second, "policies/" + ref + ".yaml", fs::path(), chain, rules);
  }
  if (const std::string* text = rules.pack_profile(ref)) {
    return resolve(*text, "profile " + ref, fs::path(), chain, rules);
  }
  bool looks_like_file = ref.find('/') != std::string::npos || ref.find('.') != std::string::npos;
  if (!looks_like_file) {
    return Error{from, 0, 0,
                 "extends \"" + ref + "\": no such profile" + support::did_you_mean(ref, builtin_profile_names()) +
                     "; profiles: recommended, strict, pss-baseline, pss-restricted, or a policy file path"};
  }
  fs::path path = fs::path(ref).is_absolute() || dir.empty() ? fs::path(ref) : dir / ref;
  auto text = io::read_file(path);
  if (!text) return Error{from, 0, 0, "extends \"" + ref + "\": cannot read " + path.string()};
  return resolve(text.value(), path.lexically_normal().string(), path.parent_path(), chain, rules);
}

Expected<Policy> resolve(std::string_view text, const std::string& file, const fs::path& dir,
                         std::vector<std::string>& chain, const RuleCatalogue& rules) {
  std::string key = fs::path(file).lexically_normal().string();
  if (std::find(chain.begin(), chain.end(), key) != chain.end()) {
    std::string cycle;
    for (const auto& c : chain) cycle += c + " -> ";
    return Error{file, 0, 0, "policies extend each other in a cycle: " + cycle + key};
  }
  chain.push_back(key);
  // The parents come first: the policy itself may configure their custom rules, so it is parsed
  // (once) knowing them. Only well-formed `extends` entries are followed here; a malformed one is
  // reported by that parse.
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text, issues);
  Node ext = doc && doc->root().is_map() ? doc->root().get("extends") : Node();
  std::vector<std::string> parents;
  if (ext.is_string()) parents.emplace_back(ext.text());
  for (std::size_t i = 0; ext.is_seq() && i < ext.size(); ++i) {
    if (ext.item(i).is_string()) parents.emplace_back(ext.item(i).text());
  }
  Policy merged;
  for (const auto& parent : parents) {
    auto base = resolve_parent(parent, file, dir, chain, rules);
    if (!base) return base.error();
    merge_policy(merged, base.value());
  }
  auto own = parse_policy_with(text, file, custom_ids(merged), rules);
  if (!own) return own.error();
  chain.pop_back();
  merge_policy(merged, own.value());
  merged.name = own->name;
  merged.file = file;
  merged.extends = own->extends;
  return merged;
}

}  // namespace

Expected<Policy> load_policy_file(const fs::path& path, const RuleCatalogue* rules) {
  auto text = io::read_file(path);
  if (!text) return Error{path.string(), 0, 0, "cannot read the policy file"};
  std::vector<std::string> chain;
  return resolve(text.value(), path.string(), path.parent_path(), chain, catalogue_or_builtin(rules));
}

namespace {

// A profile by name: built-in, or one a rule pack of `rules` brings.
Expected<Policy> load_profile(std::string_view name, const RuleCatalogue& rules) {
  std::vector<std::string> chain;
  const auto& profiles = policy::embedded_profiles();
  bool builtin = std::any_of(profiles.begin(), profiles.end(), [&](const auto& p) { return p.first == name; });
  if (!builtin && !rules.pack_profile(name)) {
    std::vector<std::string> names = builtin_profile_names();
    for (const auto& pack : rules.packs()) {
      for (const auto& [profile, text] : pack.profiles) names.push_back(profile);
    }
    return Error{"", 0, 0, "unknown profile \"" + std::string(name) + "\"" + support::did_you_mean(name, names)};
  }
  return resolve_parent(std::string(name), "", fs::path(), chain, rules);
}

}  // namespace

Expected<Policy> load_builtin_profile_policy(std::string_view name) {
  return load_profile(name, *RuleCatalogue::builtin());
}

Expected<std::map<std::string, RuleConfig>> load_builtin_profile(std::string_view name) {
  auto policy = load_builtin_profile_policy(name);
  if (!policy) return policy.error();
  return policy->rules;
}

std::vector<std::string> builtin_profile_names() {
  std::vector<std::string> names;
  for (const auto& [name, text] : policy::embedded_profiles()) names.emplace_back(name);
  return names;
}

Expected<Policy> effective_policy(const std::string& profile, const std::vector<std::string>& files,
                                  const RuleCatalogue* rules) {
  const RuleCatalogue& catalogue = catalogue_or_builtin(rules);
  Policy merged;
  if (!profile.empty() || files.empty()) {
    auto base = load_profile(profile.empty() ? "recommended" : profile, catalogue);
    if (!base) return base.error();
    merged = std::move(base.value());
  }
  for (const auto& f : files) {
    auto loaded = load_policy_file(f, &catalogue);
    if (!loaded) return loaded.error();
    merge_policy(merged, loaded.value());
  }
  return merged;
}

std::optional<fs::path> discover_policy(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (!dir.empty()) {
    fs::path candidate = dir / ".chartproof.yaml";
    std::error_code missing;  // "not found" is the normal case, not a reason to stop looking
    if (fs::is_regular_file(candidate, missing)) return candidate;
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

}  // namespace chartproof
