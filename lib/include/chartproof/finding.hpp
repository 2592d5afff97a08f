#pragma once
/// \file
/// Findings: what a rule reports, where, and how bad it is.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/model.hpp"

namespace chartproof {

/// How bad a finding is; ordered so that a larger value is more severe.
enum class Severity : std::uint8_t { Info = 0, Warning = 1, Error = 2 };

/// "error", "warning", "info".
std::string_view severity_name(Severity severity);
/// Parses "error" / "warning" / "info"; nullopt otherwise.
std::optional<Severity> parse_severity(std::string_view text);

/// A position in a file: 1-based line and column (0: unknown).
struct SourcePosition {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A values-file position a rendered value came from (chart mode).
using ValueSource = SourcePosition;

/// An edit that fixes a finding, as SARIF states one: the region of a file replaced (1-based,
/// [start, end)) and the text put there. `chartproof fix` sets it on the findings whose fix it kept.
struct FixReplacement {
  std::string file;
  std::uint32_t start_line = 0, start_column = 0, end_line = 0, end_column = 0;
  std::string inserted;
  std::string description;
};

/// One problem found in the input.
struct Finding {
  std::string rule;
  std::string pack;
  Severity severity = Severity::Error;
  std::string message;
  ResourceRef resource;
  std::string path;  ///< field path inside the resource, e.g. spec.template.spec.containers[0].image
  /// The same path with list items named by their merge key (keyed_path: containers[name=app].image);
  /// what fingerprints use. Empty: the same as `path`.
  std::string keyed_path;
  /// Where to fix it. Plain input: the position in the file. Chart mode: the values line the offending
  /// value came from, else the template line that wrote it (docs/source-maps.md).
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// Chart mode: false when no template line could be told; the location is then the template file at
  /// the line of the resource's `kind:` (or 1), never a made-up line.
  bool mapped = true;
  std::string template_name;  ///< from helm's `# Source:` comment
  /// Chart mode: the position in helm's output; its `file` names the render (`helm template DIR`),
  /// which is not a file on disk.
  std::optional<SourcePosition> rendered;
  /// Chart mode: the template line that wrote the text (equal to the location unless a values line is).
  std::optional<SourcePosition> template_line;
  /// Chart mode: the `include`/`template` call that wrote a named template's text, when one did.
  std::optional<SourcePosition> include_site;
  std::string remediation;
  bool sensitive = false;  ///< points at a secret value: its source line is never shown in full
  /// Chart mode: the values file and line the offending value came from, when one holds it.
  std::optional<ValueSource> value_source;
  /// Field::part: what of a composed value the finding is about, for finding its values line.
  std::string value_part;
  /// Field::fix: the value that makes the finding go away at `path` (chartproof fix).
  std::optional<FieldFix> fix;
  /// The verified edit that fixes it (chartproof fix), in the file a person edits.
  std::optional<FixReplacement> fixed_by;
  /// Chart mode: the findings of the same rule and severity at the same edit location (one values
  /// line, one helper line) about other objects or fields, folded into this one so the fix is listed
  /// once (group_at_edit_locations); each keeps its own resource, path, message and render position.
  /// Baselines and JUnit list them one by one. Empty: the finding is about one object.
  std::vector<Finding> more;
  /// How many objects (or fields) this finding stands for: 1 + more.size().
  std::size_t occurrences() const { return 1 + more.size(); }
  /// False for findings about a document that is not (yet) an object: invalid YAML, a bare string.
  bool has_resource() const {
    return !resource.kind.empty() || !resource.name.empty() || !resource.api_version.empty();
  }
};

/// ` (value from values.yaml:12:5)` for a finding whose value a values file set, else empty.
std::string value_source_suffix(const Finding& finding);

/// `Deployment "ns/name"` (no namespace for cluster-scoped objects).
std::string resource_label(const ResourceRef& resource);
/// ` (and 2 more: Deployment "ns/b", Job "ns/c")` for a grouped finding (Finding::more): how many
/// occurrences it stands for beyond itself and the other objects they are in (` (and 1 more in the
/// same object)` when they are all in its own); empty otherwise.
std::string more_objects_suffix(const Finding& finding);

/// A fingerprint that survives unrelated edits (16 hex digits): the rule, the resource's kind,
/// namespace and name, the keyed field path (list items by merge key, so an added sidecar or a
/// reordered env list shifts nothing), and the template that wrote it (or, for a finding about no
/// resource, its file); never the line. SARIF's partialFingerprints and baselines (format 2) use it.
std::string finding_fingerprint(const Finding& finding);
/// The fingerprint of baseline format 1: the same with list items by position (`containers[2]`).
std::string finding_fingerprint_v1(const Finding& finding);

/// Total order used for output: file, line, column, rule, message.
bool finding_less(const Finding& a, const Finding& b);

/// Chart mode: folds findings of one rule and severity at one edit location (file, line, column)
/// into the first of them (Finding::more), keeping `findings` in finding_less order. Findings on
/// plain input (no render position) and findings about no resource stay one per object.
void group_at_edit_locations(std::vector<Finding>& findings);
/// The findings one per object again: each grouped finding, then the ones folded into it.
std::vector<Finding> ungrouped(const std::vector<Finding>& findings);

/// Shows at most the first 4 characters of a secret (never more than half of it), then `…`.
std::string mask_secret(std::string_view secret);

}  // namespace chartproof
