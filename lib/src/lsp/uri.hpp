#pragma once
// file:// URIs (RFC 8089, as editors send them) to paths and back, and where a file's lint unit
// is: the chart folder it belongs to, or the file itself.
#include <optional>
#include <string>
#include <string_view>

namespace chartproof::lsp {

/// The absolute path of a `file://` URI, percent-decoded and `..` resolved; none for another
/// scheme or a bad escape.
std::optional<std::string> path_of_uri(std::string_view uri);

/// The `file://` URI of an absolute path, every byte but unreserved ones and `/` percent-encoded.
std::string uri_of_path(std::string_view path);

/// The chart folder `path` is in (the nearest folder up with a Chart.yaml; for a subchart,
/// PARENT/charts/NAME, the outermost parent, which renders it); empty when none.
std::string chart_root_of(const std::string& path);

}  // namespace chartproof::lsp
