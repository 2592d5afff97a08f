#pragma once
/// \file
/// Every setting of a LintRequest that a front offers, in one table: its name (the Python keyword
/// and `_core.Request` attribute), its CLI flags, its type, its help, and which commands take it.
/// The CLI's flags (lint, audit, policy show), the Python keywords and `_core.Request`'s
/// attributes, the `.pyi` stub (tools/gen-core-stub.py) and the audit request's JSON are all made
/// from it, so a new option is one entry here plus the code that reads the LintRequest field.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "chartproof/request.hpp"

namespace chartproof {

/// The kind of value an option holds.
enum class OptionType : std::uint8_t {
  Flag,          ///< bool; a CLI flag without a value
  Text,          ///< a string, empty when unset
  OptionalText,  ///< a string or nothing (Python None): unset falls back to the policy's value
  TextList,      ///< repeatable (`--enable a --enable b`)
  Count,         ///< a non-negative integer
};

/// Which commands take an option (a bit set).
enum OptionUse : unsigned {
  kUseLint = 1U << 0U,        ///< `chartproof lint`, `chartproof.lint`
  kUseLintChart = 1U << 1U,   ///< `chartproof.lint_chart` (one chart: not --chart or --charts-of)
  kUseAudit = 1U << 2U,       ///< `chartproof audit`, `chartproof.fleet.audit`, the audit request JSON
  kUsePolicyShow = 1U << 3U,  ///< `chartproof policy show`
  kUseNoFlag = 1U << 4U,      ///< Python and the library only: no CLI flag (discover_policy)
};

/// A value as a front hands it over (std::monostate: unset, for OptionalText).
using OptionValue = std::variant<std::monostate, bool, std::string, std::vector<std::string>, unsigned>;

struct RequestOption {
  std::string_view name;   ///< snake_case: the Python keyword and `_core.Request` attribute
  std::string_view flags;  ///< CLI11 names ("-n,--namespace"); empty with kUseNoFlag
  OptionType type;
  unsigned use;  ///< OptionUse bits
  std::string_view help;
  std::vector<std::string_view> choices;  ///< the values a Text or OptionalText may take; empty: any
  /// The field's value in a request.
  OptionValue (*get)(const LintRequest&);
  /// Sets the field; the value has the option's type (Text also takes monostate as ""). Returns
  /// what is wrong with the value (not one of `choices`), or nothing.
  std::optional<std::string> (*set)(LintRequest&, const OptionValue&);
};

/// The table, in the order the CLI's help lists the options.
std::span<const RequestOption> option_table();

/// The option of a name, or null.
const RequestOption* find_request_option(std::string_view name);

/// The option's value in a default-constructed LintRequest, as text ("" for an empty one): what
/// help shows and what the Python keywords' defaults must mean.
std::string option_default_text(const RequestOption& option);

/// The key of an option in JSON documents (the audit request): camelCase of its name.
std::string option_json_key(const RequestOption& option);

}  // namespace chartproof
