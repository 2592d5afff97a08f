#pragma once
// Source maps through a round trip: `{{ include "x.pod" . | fromYaml | toYaml | nindent 4 }}` (or
// `$pod := include "x.pod" . | fromYaml` and later `toYaml $pod`) parses a define's text and writes
// it again. Comments, and so the markers, are lost, and toYaml sorts the keys, so no line pairing
// can tell where a line came from. The define's lines are matched to a finding by key path instead:
// the define line whose keys, from the define's root, occur in the finding's field path.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::chart {

/// The names of the defines whose text line `line` (1-based) of a template (`lines`) writes back
/// through fromYaml: `include "N"` on that line when it also holds `fromYaml`, or on the line above
/// that assigned a variable this line reads (`$pod := include "N" . | fromYaml`). Only a line
/// holding `toYaml` writes a round trip back.
std::vector<std::string> round_trip_defines(const std::vector<std::string_view>& lines, std::uint32_t line);

/// The lines (1-based) that last assigned, above line `line`, each variable that line reads
/// (`$pod := include "x.pod" . | fromYaml`, `$cfg := .Files.Get "x.yaml" | fromYaml`).
std::vector<std::uint32_t> assignments_read(const std::vector<std::string_view>& lines, std::uint32_t line);

/// A line of a define's text and the mapping keys from the define's root to the key it writes.
struct DefineKey {
  std::uint32_t line = 0;
  std::vector<std::string_view> keys;
};

/// The key lines of a define's body, the lines strictly between `first` (its `define`) and `last`
/// (its `end`), nested by indentation as YAML nests them. A line an action starts writes no key of
/// its own; a key an action computes is kept as written and matches no field path.
std::vector<DefineKey> define_keys(const std::vector<std::string_view>& lines, std::uint32_t first, std::uint32_t last);

/// The line of `keys` for a finding at field path `path` (its mapping keys): the longest key path
/// that occurs in `path` as a run of keys, the run ending nearest `path`'s end (the field itself
/// before a parent of it); none when nothing matches or two lines tie.
std::optional<std::uint32_t> line_for_path(const std::vector<DefineKey>& keys,
                                           const std::vector<std::string_view>& path);

}  // namespace chartproof::chart
