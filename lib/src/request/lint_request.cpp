// The entry point both fronts call: a LintRequest becomes a policy, a linter, rendered charts and
// read inputs, then one report. Everything a front used to decide on its own (policy discovery,
// which paths are charts, helm's namespace and Kubernetes version) is decided here, once.
#include "chartproof/request.hpp"

#include <algorithm>
#include <filesystem>

namespace chartproof {
namespace fs = std::filesystem;
namespace {

Error with_kind(Error e, ErrorKind kind) {
  e.kind = kind;
  return e;
}

}  // namespace

Expected<Policy> request_policy(const LintRequest& request) {
  std::vector<std::string> files = request.policy_files;
  if (files.empty() && request.profile.empty() && request.discover_policy) {
    std::error_code ec;
    fs::path start = request.working_dir.empty() ? fs::current_path(ec) : fs::path(request.working_dir);
    if (auto found = discover_policy(start)) files.push_back(found->string());
  }
  auto policy = effective_policy(request.profile, files);
  if (!policy) return with_kind(policy.error(), ErrorKind::Policy);
  return policy;
}

Expected<LintOptions> request_options(const LintRequest& request) {
  auto policy = request_policy(request);
  if (!policy) return policy.error();
  LintOptions options = options_from_policy(policy.value());
  options.default_namespace = request.default_namespace;
  options.enable = request.enable;
  options.disable = request.disable;
  options.jobs = request.jobs;
  if (!request.today.empty()) options.today = request.today;
  if (request.kube_version) options.kube_version = *request.kube_version;
  options.schema_dirs.insert(options.schema_dirs.end(), request.schema_dirs.begin(), request.schema_dirs.end());
  if (request.schema_mode) options.schema_mode = *request.schema_mode;
  return options;
}

std::vector<std::string> chart_dirs_in(const std::string& path) {
  if (looks_like_chart_dir(path)) return {path};
  std::vector<std::string> charts;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return charts;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.is_directory(ec) && looks_like_chart_dir(entry.path().string())) charts.push_back(entry.path().string());
  }
  std::sort(charts.begin(), charts.end());
  return charts;
}

std::vector<std::string> enclosing_charts(const std::vector<std::string>& files) {
  std::vector<std::string> charts;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  for (const auto& f : files) {
    fs::path dir = fs::absolute(f, ec).parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
      if (is_chart_dir(dir.string())) {
        fs::path rel = dir.lexically_relative(cwd);
        std::string shown = rel.empty() || rel.native().rfind("..", 0) == 0 ? dir.string() : rel.string();
        if (std::find(charts.begin(), charts.end(), shown) == charts.end()) charts.push_back(shown);
        break;
      }
      if (dir == dir.root_path()) break;
    }
  }
  return charts;
}

Expected<LintReport> lint_request(const LintRequest& request) {
  std::vector<std::string> paths = request.charts_of ? enclosing_charts(request.paths) : request.paths;
  if (paths.empty() && request.texts.empty() && !request.charts_of) {
    return Error{"", 0, 0,
                 "no input; give files, directories, or - for standard input (helm template . | chartproof lint -)",
                 ErrorKind::Usage};
  }
  auto options = request_options(request);
  if (!options) return options.error();
  auto linter = Linter::create(options.value());
  if (!linter) return with_kind(linter.error(), ErrorKind::Policy);

  // Chart folders are rendered with helm, for the Kubernetes version the schemas check and in the
  // request's namespace; everything else is read as rendered YAML.
  ChartOptions chart_options = request.chart;
  chart_options.kube_version = options->kube_version;
  if (chart_options.namespace_.empty() && request.default_namespace != "default") {
    chart_options.namespace_ = request.default_namespace;
  }
  std::vector<std::string> plain;
  std::vector<ChartSources> charts;
  for (const auto& path : paths) {
    auto dirs = path == "-" ? std::vector<std::string>{} : chart_dirs_in(path);
    if (dirs.empty()) {
      plain.push_back(path);
      continue;
    }
    for (const auto& dir : dirs) {
      auto chart = load_chart(dir, chart_options, linter->chart_renders());
      // An unrendered chart must never look clean: helm's error is the result.
      if (!chart) return with_kind(chart.error(), ErrorKind::Chart);
      charts.push_back(std::move(chart.value()));
    }
  }
  std::vector<SourceFile> files;
  if (!plain.empty()) {
    auto read = read_inputs(plain);
    if (!read) return with_kind(read.error(), ErrorKind::Input);
    files = std::move(read.value());
  }
  for (const auto& text : request.texts) files.push_back(text);
  return linter->lint(std::move(files), std::move(charts));
}

}  // namespace chartproof
