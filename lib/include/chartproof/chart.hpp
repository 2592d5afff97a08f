#pragma once
/// \file
/// Chart-folder mode: rendering a Helm chart with the user's helm before linting it.

#include <atomic>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chartproof/chart_folder.hpp"
#include "chartproof/error.hpp"
#include "chartproof/parse.hpp"

namespace chartproof {

/// What `helm template` is given; everything is passed as separate arguments, never through a shell.
struct ChartOptions {
  std::string helm = "helm";  ///< a name searched on PATH, or a path
  std::string release = "release-name";
  std::string namespace_;  ///< empty: helm's default
  std::vector<std::string> values_files;
  std::vector<std::string> set;
  std::vector<std::string> set_string;
  std::string kube_version;
  /// helm's --api-versions: what `.Capabilities.APIVersions.Has` sees, as on the target cluster.
  std::vector<std::string> api_versions;
  bool include_crds = false;
  unsigned timeout_seconds = 120;  ///< helm is killed after this long (0: no limit)
  /// A remote chart (oci://…, https://REPO_URL/CHART, REPO/CHART): the version to pull (empty: the
  /// newest), and --plain-http for a registry without TLS.
  std::string version;
  bool plain_http = false;
  /// When it becomes true, a running helm is killed and the render fails as cancelled (the
  /// language server's lint of a buffer an edit has made stale). Null: never.
  std::shared_ptr<const std::atomic<bool>> cancel;
};

/// True when `dir` holds a Chart.yaml.
bool is_chart_dir(const std::string& dir);

/// True when `path` is a packaged chart (`helm package`'s .tgz, or .tar.gz): accepted wherever a
/// chart folder is; its findings name ARCHIVE!/CHART/templates/x.yaml.
bool is_chart_archive(const std::string& path);

/// True when `dir` is a chart folder, or looks like one that lost its Chart.yaml (templates/ and
/// values.yaml): chart mode then reports the missing file instead of linting templates as YAML.
bool looks_like_chart_dir(const std::string& dir);

/// The helm command line for a chart (for messages and tests).
std::vector<std::string> helm_template_argv(const std::string& chart_dir, const ChartOptions& options);

/// Renders a chart; helm's failure (a template error, a missing required value) is an Error at the
/// template line helm names, never an empty render.
Expected<SourceFile> render_chart(const std::string& chart_dir, const ChartOptions& options);

/// Helm's limit on release names (`helm install` refuses longer ones).
inline constexpr std::size_t kMaxReleaseNameLength = 53;

/// The second render's release name is this and one letter: kMaxReleaseNameLength characters.
inline constexpr std::string_view kProbeReleaseNameStem = "chartproof-probe-release-name-at-helms-longest-53-ch";
static_assert(kProbeReleaseNameStem.size() + 1 == kMaxReleaseNameLength);

/// The release name of the second render (`probe`): differs from `release`, and is
/// kMaxReleaseNameLength characters long.
std::string probe_release_name(const std::string& release);

/// Reads a chart folder's Chart.yaml and values files (the chart's values.yaml, then each -f file)
/// and renders it as `renders` says. A folder without Chart.yaml is not rendered (helm would refuse
/// it). Values files that are pipes (`-f <(...)`) are read once and handed to helm as temporary
/// files, so every render and the values index see them.
Expected<ChartSources> load_chart(const std::string& chart_dir, const ChartOptions& options, ChartRenders renders);

}  // namespace chartproof
