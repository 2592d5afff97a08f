#pragma once
// The "add an exemption" code action: an entry under a policy file's top-level `exemptions:` that
// exempts one object from one rule (README, "Exemptions"), in the file's own indentation; a new
// policy file (extending `recommended`, what a project without one is linted with) when there is
// none yet.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chartproof/model.hpp"

namespace chartproof::lsp {

/// Text inserted at a place of the policy file.
struct Insertion {
  std::uint32_t line = 1;    ///< 1-based
  std::uint32_t column = 1;  ///< 1-based byte column on that line
  std::string text;
};

/// The insertion into `policy_text` (empty: a file not written yet) that exempts `resource` from
/// `rule`; none when the file writes `exemptions:` in flow style (`exemptions: [...]`), which an
/// inserted block would break.
std::optional<Insertion> exemption_insertion(std::string_view policy_text, std::string_view rule,
                                             const ResourceRef& resource);

}  // namespace chartproof::lsp
