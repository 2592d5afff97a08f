// Chart-folder mode: `helm template` with an argument vector, and helm's errors made located.
#include <re2/re2.h>

#include <filesystem>

#include "chart/helm_message.hpp"
#include "chartproof/chart.hpp"
#include "io/run_process.hpp"

namespace chartproof {
namespace fs = std::filesystem;

bool is_chart_dir(const std::string& dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(dir) / "Chart.yaml", ec);
}

std::vector<std::string> helm_template_argv(const std::string& chart_dir, const ChartOptions& o) {
  std::vector<std::string> argv = {o.helm, "template", o.release, chart_dir};
  if (!o.namespace_.empty()) argv.insert(argv.end(), {"--namespace", o.namespace_});
  for (const auto& f : o.values_files) argv.insert(argv.end(), {"--values", f});
  for (const auto& s : o.set) argv.insert(argv.end(), {"--set", s});
  for (const auto& s : o.set_string) argv.insert(argv.end(), {"--set-string", s});
  if (!o.kube_version.empty()) argv.insert(argv.end(), {"--kube-version", o.kube_version});
  for (const auto& v : o.api_versions) argv.insert(argv.end(), {"--api-versions", v});
  if (o.include_crds) argv.push_back("--include-crds");
  return argv;
}

Expected<SourceFile> render_chart(const std::string& chart_dir, const ChartOptions& options) {
  auto argv = helm_template_argv(chart_dir, options);
  auto result = io::run_process(argv, options.timeout_seconds * 1000U, options.cancel.get());
  if (result.cancelled) return Error{chart_dir, 0, 0, "helm template was cancelled"};
  if (result.timed_out) {
    return Error{chart_dir, 0, 0,
                 "helm template did not finish within " + std::to_string(options.timeout_seconds) +
                     " s and was stopped; raise --helm-timeout if the chart is that slow to render"};
  }
  if (!result.failure.empty()) {
    return Error{chart_dir, 0, 0,
                 "cannot run " + options.helm + ": " + result.failure + "; install helm or pass --helm PATH"};
  }
  if (result.exit_code != 0) {
    std::string message = result.err.empty() ? "helm template failed with exit code " + std::to_string(result.exit_code)
                                             : chart::helm_message(result.err);
    // helm names the template and position: "template: chart/templates/x.yaml:12:15: ..." or
    // "execution error at (chart/templates/x.yaml:9:23): ...". Point at the file in the chart folder.
    static const RE2 kWhere(R"(([^\s():]+/templates/[^\s():]+):(\d+):(\d+))");
    std::string where;
    int line = 0, column = 0;
    if (RE2::PartialMatch(message, kWhere, &where, &line, &column)) {
      fs::path inside = fs::path(where).lexically_normal();
      auto it = inside.begin();
      fs::path rest;
      for (++it; it != inside.end(); ++it) rest /= *it;  // drop the chart name helm prefixes
      return Error{(fs::path(chart_dir) / rest).string(), static_cast<std::uint32_t>(line),
                   static_cast<std::uint32_t>(column), "helm template failed: " + message};
    }
    return Error{chart_dir, 0, 0, "helm template failed: " + message};
  }
  return SourceFile{(fs::path(chart_dir) / ("helm-template:" + options.release + ".yaml")).string(),
                    std::move(result.out)};
}

}  // namespace chartproof
