#pragma once
// Key paths on both sides of a value's trip through a template: the field path of a finding
// (`spec.containers[0].image`) and the `.Values` paths a template line reads
// (`{{ .Values.image.tag }}`), matched against the key paths of the values files' entries.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chartproof::chart {

/// The mapping keys of a field path: `a.b[0]["x.y"].c` gives a, b, x.y, c (none when malformed).
std::vector<std::string_view> path_keys(std::string_view path);

/// How many keys `a` and `b` share at their ends: a rendered field path and a values key path that
/// end alike (`...securityContext.runAsUser`).
std::size_t common_tail(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

/// The `.Values` paths a template line reads (`.Values.a.b`, `$.Values.a.b`), each as its keys;
/// `.Values` alone is the empty path (the whole values tree).
std::vector<std::vector<std::string>> values_read(std::string_view template_line);

/// The fields a template line reads from the dot or a variable rather than from `.Values`: `.resources`,
/// `$config.securityContext` (a component's entry that a `range` over values, or an `include` of it,
/// made the dot), each as its keys, the dot alone (`toYaml .`) as none; none from helm's own objects (.Values,
/// .Release, .Chart, .Capabilities, .Template, .Files) or from `$` (the root).
std::vector<std::vector<std::string>> dot_reads(std::string_view template_line);

/// The `.Values` path the dot stands for on line `line` (1-based) of a template (`lines`): set by an
/// enclosing `{{ with .Values.a.b }}` (or a `with` of a field of such a dot); none when no `with`
/// sets it, or a `range`, a `define` or a `with` of anything else does (the dot is then an item, an
/// include's argument, or unknown).
std::optional<std::vector<std::string>> with_values_path(const std::vector<std::string_view>& lines,
                                                         std::uint32_t line);

/// The key path a chart file's `.Values` starts at in its top chart's values: a file under
/// charts/a/charts/b/ (a subchart's template or values.yaml) reads under a.b, one in a packaged
/// subchart (charts/a-1.0.0.tgz!/a/…) under a; a file of the chart
/// itself under none. `path` is relative to, or starts with, `chart_dir`.
std::vector<std::string> values_scope(std::string_view chart_dir, std::string_view path);

/// The chart files a template reads by a literal path (`.Files.Get "conf/app.yaml"`), relative to
/// the chart's folder; none that leaves it (`..`, absolute).
std::vector<std::string> files_read(std::string_view template_text);

/// The patterns a template reads chart files by (`.Files.Glob "dashboards/*.json"`), literal ones.
std::vector<std::string> files_globbed(std::string_view template_text);

/// Whether a template reads a chart file by a path it computes (`.Files.Get $path`, `.Files.Get
/// (printf …)`), not a literal one.
bool reads_computed_file(std::string_view template_text);

/// Whether `path` (relative to the chart) matches a `.Files.Glob` pattern as helm matches it: `*`
/// and `?` within one path part, `**` across parts, `[…]` a class.
bool glob_matches(const std::string& pattern, const std::string& path);

}  // namespace chartproof::chart
