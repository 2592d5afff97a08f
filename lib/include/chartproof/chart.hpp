#pragma once
/// \file
/// Chart-folder mode: rendering a Helm chart with the user's helm before linting it.

#include <string>
#include <vector>

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
  bool include_crds = false;
};

/// True when `dir` holds a Chart.yaml.
bool is_chart_dir(const std::string& dir);

/// The helm command line for a chart (for messages and tests).
std::vector<std::string> helm_template_argv(const std::string& chart_dir, const ChartOptions& options);

/// Renders a chart; helm's failure (a template error, a missing required value) is an Error at the
/// template line helm names, never an empty render.
Expected<SourceFile> render_chart(const std::string& chart_dir, const ChartOptions& options);

}  // namespace chartproof
