#include "chart/pull_chart.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "chart/helm_message.hpp"
#include "chartproof/parse.hpp"
#include "io/read_file.hpp"
#include "io/run_process.hpp"

namespace chartproof::chart {
namespace fs = std::filesystem;

namespace {

// The repositories `helm repo add` recorded, where helm keeps them: $HELM_REPOSITORY_CONFIG, else
// $XDG_CONFIG_HOME/helm/repositories.yaml, else ~/.config/helm/repositories.yaml.
std::vector<std::string> helm_repository_names() {
  fs::path file;
  if (const char* set = std::getenv("HELM_REPOSITORY_CONFIG"); set && *set) {
    file = set;
  } else if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    file = fs::path(xdg) / "helm/repositories.yaml";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    file = fs::path(home) / ".config/helm/repositories.yaml";
  }
  auto text = file.empty() ? Expected<std::string>(Error{}) : io::read_file(file);
  if (!text) return {};
  std::vector<ParseIssue> issues;
  auto doc = parse_single(text.value(), issues);
  std::vector<std::string> names;
  Node list = doc ? doc->root().get("repositories") : Node();
  for (std::size_t i = 0; i < list.size(); ++i) names.emplace_back(list.item(i).get_text("name"));
  return names;
}

// https://REPO_URL/CHART (pull_chart asks only this, not remote_kind, which may read the helm
// repositories file).
bool is_repo_url(const std::string& reference) {
  return reference.rfind("https://", 0) == 0 || reference.rfind("http://", 0) == 0;
}

}  // namespace

std::optional<RemoteKind> remote_kind(const std::string& reference) {
  if (reference.rfind("oci://", 0) == 0) return RemoteKind::Oci;
  if (is_repo_url(reference)) return RemoteKind::RepoUrl;
  // REPO/CHART: one slash between two names, nothing of that name on disk (a path wins), and REPO a
  // repository the user's helm knows, so a mistyped path stays a missing file, not a failed pull.
  std::error_code ec;
  auto slash = reference.find('/');
  bool names = slash != std::string::npos && slash > 0 && slash + 1 < reference.size() &&
               reference.find('/', slash + 1) == std::string::npos && reference.find('.') == std::string::npos;
  if (!names || fs::exists(reference, ec)) return std::nullopt;
  auto known = helm_repository_names();
  if (std::find(known.begin(), known.end(), reference.substr(0, slash)) == known.end()) return std::nullopt;
  return RemoteKind::RepoName;
}

Expected<PulledChart> pull_chart(const std::string& reference, const ChartOptions& options) {
  PulledChart pulled;
  pulled.dir = std::make_unique<TempDir>("chartproof-pull-XXXXXX");
  if (pulled.dir->path().empty())
    return Error{reference, 0, 0, "cannot make a temporary folder to pull the chart into"};
  std::vector<std::string> argv = {options.helm, "pull"};
  if (is_repo_url(reference)) {
    // https://charts.example.com/stable/web: the repository's URL, then the chart's name.
    auto slash = reference.rfind('/');
    argv.insert(argv.end(), {reference.substr(slash + 1), "--repo", reference.substr(0, slash)});
  } else {
    argv.push_back(reference);
  }
  if (!options.version.empty()) argv.insert(argv.end(), {"--version", options.version});
  if (options.plain_http) argv.push_back("--plain-http");
  argv.insert(argv.end(), {"--destination", pulled.dir->path().string()});
  auto run = io::run_process(argv, options.timeout_seconds * 1000U);
  if (!run.failure.empty()) {
    return Error{reference, 0, 0,
                 "cannot run " + options.helm + ": " + run.failure + "; install helm or pass --helm PATH"};
  }
  if (run.timed_out) {
    return Error{reference, 0, 0,
                 "helm pull did not finish within " + std::to_string(options.timeout_seconds) +
                     " s and was stopped (an unreachable registry or repository?)"};
  }
  if (run.exit_code != 0) {
    std::string why = helm_message(run.err);
    return Error{reference, 0, 0,
                 "helm pull failed" + (options.version.empty() ? std::string() : " (version " + options.version + ")") +
                     ": " + why};
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(pulled.dir->path(), ec)) {
    if (is_chart_archive(entry.path().string())) pulled.archive = entry.path().string();
  }
  if (pulled.archive.empty()) return Error{reference, 0, 0, "helm pull left no packaged chart"};
  // todo-app-0.3.0.tgz: the version is what follows the chart's name.
  std::string version = options.version;
  if (version.empty()) {
    std::string stem = fs::path(pulled.archive).stem().string();
    std::string name = reference.substr(reference.rfind('/') + 1);
    if (stem.rfind(name + "-", 0) == 0) version = stem.substr(name.size() + 1);
  }
  pulled.shown = reference + (version.empty() ? "" : "@" + version);
  return pulled;
}

}  // namespace chartproof::chart
