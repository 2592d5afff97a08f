#pragma once
// Charts that are not on disk: `oci://HOST/REPO/CHART`, `https://REPO_URL/CHART` (a chart
// repository's URL and the chart's name) and `REPO/CHART` (a repository the user's helm knows,
// `helm repo add`). helm pulls the packaged chart into a temporary folder, with the user's registry
// and repository configuration, and it is then linted like any .tgz.

#include <optional>
#include <string>

#include "chart/temp_dir.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/error.hpp"

namespace chartproof::chart {

/// How a reference names a remote chart; nullopt for a path (on disk or not) or `-`. REPO/CHART
/// only when no such path exists and REPO is in the user's helm repositories (`helm repo add`).
enum class RemoteKind { Oci, RepoUrl, RepoName };
std::optional<RemoteKind> remote_kind(const std::string& reference);

/// A pulled chart: the packaged chart in a temporary folder (removed with this), and how findings
/// name it, `REFERENCE@VERSION` (the version helm pulled when none was asked for).
struct PulledChart {
  std::unique_ptr<TempDir> dir;
  std::string archive;
  std::string shown;
};

/// `helm pull` of a remote chart at `options.version` (empty: the newest), --plain-http when asked.
/// helm's error (a bad reference, an unreachable host, a version that does not exist) is the Error,
/// naming the reference.
Expected<PulledChart> pull_chart(const std::string& reference, const ChartOptions& options);

}  // namespace chartproof::chart
