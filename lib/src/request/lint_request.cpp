// The entry point both fronts call: a LintRequest becomes a policy, a linter, rendered charts and
// read inputs, then one report. Everything a front used to decide on its own (policy discovery,
// which paths are charts, helm's namespace and Kubernetes version) is decided here, once.
#include "chartproof/request.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "chart/compare_renders.hpp"
#include "chart/packaged_chart.hpp"
#include "kubeschema/kube_schemas.hpp"
#include "request/input_sources.hpp"
#include "rules/admission/policy_files.hpp"
#include "support/parallel.hpp"

namespace chartproof {
namespace fs = std::filesystem;
namespace {

Error with_kind(Error e, ErrorKind kind) {
  e.kind = kind;
  return e;
}

}  // namespace

std::vector<std::string> request_policy_files(const LintRequest& request) {
  std::vector<std::string> files = request.policy_files;
  if (files.empty() && request.profile.empty() && request.discover_policy) {
    std::error_code ec;
    fs::path start = request.working_dir.empty() ? fs::current_path(ec) : fs::path(request.working_dir);
    if (auto found = discover_policy(start)) files.push_back(found->string());
  }
  return files;
}

Expected<Policy> request_policy(const LintRequest& request) {
  auto policy = effective_policy(request.profile, request_policy_files(request), request.catalogue.get());
  if (!policy) return with_kind(policy.error(), ErrorKind::Policy);
  return policy;
}

namespace {

// Charts render as on a cluster of the target Kubernetes version: `helm template` tells
// `.Capabilities` only its own defaults (group/versions it was built with, no kinds), so a chart
// that asks for `policy/v1/PodDisruptionBudget` falls back to policy/v1beta1 and then fails
// removed-api-version although `helm install` on that cluster renders policy/v1. helm gets the
// target version and every apiVersion and apiVersion/kind that version serves (the bundled OpenAPI
// data), after the user's own --api-versions (CRDs the cluster has).
void render_as_cluster(ChartOptions& chart) {
  const auto& bundled = kubeschema::bundled_versions();
  if (chart.kube_version.empty() && !bundled.empty()) chart.kube_version = bundled.back();
  auto served = kubeschema::VersionSchemas::load(chart.kube_version);
  if (!served) return;  // not a bundled version: the linter refuses it with a located error
  std::set<std::string> apis;
  for (const std::string& gvk : served->kinds()) {
    auto space = gvk.find(' ');
    if (space == std::string::npos) continue;
    apis.insert(gvk.substr(0, space));
    apis.insert(gvk.substr(0, space) + "/" + gvk.substr(space + 1));
  }
  for (const auto& own : chart.api_versions) apis.erase(own);
  chart.api_versions.insert(chart.api_versions.end(), apis.begin(), apis.end());
}

// `--chart DIR` with a piped render: said once when the input is not what chartproof's own render
// of DIR (same -f, --set, release and Kubernetes version) gives, because findings are then mapped
// through a render that is not the input. Documents that differ between two of chartproof's own
// renders (random or time-based values) are not counted; that second render is made only when the
// first comparison finds a difference.
std::optional<Error> piped_render_note(const SourceFile& piped, const std::string& own, const std::string& dir,
                                       const ChartOptions& options) {
  std::vector<std::string> differing = chart::differing_templates(piped.text, own);
  if (differing.empty()) return std::nullopt;
  if (auto again = render_chart(dir, options)) {
    differing = chart::without(differing, chart::differing_templates(own, again->text));
  }
  if (differing.empty()) return std::nullopt;
  constexpr std::size_t kNamed = 5;
  std::string names;
  for (std::size_t i = 0; i < differing.size() && i < kNamed; ++i) names += (i == 0 ? "" : ", ") + differing[i];
  if (differing.size() > kNamed) names += " and " + std::to_string(differing.size() - kNamed) + " more";
  return Error{piped.path, 0, 0,
               "differs from chartproof's own render of " + dir +
                   " (helm template with the same -f, --set, --release, " + "--kube-version " + options.kube_version +
                   " and its API versions) in " +
                   (differing.size() == 1 ? "the documents of "
                                          : "the documents of " + std::to_string(differing.size()) + " templates: ") +
                   names +
                   "; findings there may point at the wrong template or values line. Give --chart the same -f, "
                   "--set and --release that made the input",
               ErrorKind::Usage};
}

}  // namespace

namespace {

// `apps=pod-security.kubernetes.io/enforce=restricted,pod-security.kubernetes.io/warn=restricted`:
// a namespace and its labels (--namespace-labels).
Expected<std::pair<std::string, std::map<std::string, std::string>>> parse_namespace_labels(const std::string& spec) {
  auto bad = [&](const std::string& why) {
    return with_kind(
        Error{"--namespace-labels", 0, 0, "\"" + spec + "\": " + why + "; expected NAMESPACE=KEY=VALUE[,KEY=VALUE...]"},
        ErrorKind::Usage);
  };
  std::size_t eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) return bad("no namespace");
  std::pair<std::string, std::map<std::string, std::string>> out{spec.substr(0, eq), {}};
  std::string rest = spec.substr(eq + 1);
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t comma = rest.find(',', start);
    std::string pair = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::size_t at = pair.find('=');
    if (at == std::string::npos || at == 0) return bad("\"" + pair + "\" is not KEY=VALUE");
    out.second[pair.substr(0, at)] = pair.substr(at + 1);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

Expected<LintOptions> request_options(const LintRequest& request) {
  auto policy = request_policy(request);
  if (!policy) return policy.error();
  LintOptions options = options_from_policy(policy.value());
  options.catalogue = request.catalogue;
  options.default_namespace = request.default_namespace;
  options.enable = request.enable;
  options.disable = request.disable;
  options.jobs = request.jobs;
  if (!request.today.empty()) options.today = request.today;
  if (request.kube_version) options.kube_version = *request.kube_version;
  options.schema_dirs.insert(options.schema_dirs.end(), request.schema_dirs.begin(), request.schema_dirs.end());
  if (request.schema_mode) options.schema_mode = *request.schema_mode;
  for (const auto& spec : request.namespace_labels) {
    auto parsed = parse_namespace_labels(spec);
    if (!parsed) return parsed.error();
    for (auto& [key, value] : parsed->second) options.namespace_labels[parsed->first][key] = std::move(value);
  }
  if (!request.admission_policies.empty()) {
    // Checked here, so a bad file stops the run with exit 2 before anything is linted.
    auto files = rules::admission::policy_file_paths(request.admission_policies);
    if (!files) return files.error();
    if (auto loaded = rules::admission::load_policy_files(*files); !loaded) return loaded.error();
    options.admission_policy_files = std::move(*files);
  }
  if (!request.baseline.empty()) {
    auto baseline = load_baseline(request.baseline);
    if (!baseline) return with_kind(baseline.error(), ErrorKind::Policy);
    options.baseline = std::make_shared<const Baseline>(std::move(baseline.value()));
  }
  return options;
}

std::vector<std::string> enclosing_charts(const std::vector<std::string>& files) {
  std::vector<std::string> charts;
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  for (const auto& f : files) {
    fs::path dir = fs::absolute(f, ec).parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
      if (is_chart_dir(dir.string())) {
        // A subchart (PARENT/charts/NAME) is rendered as part of its parent, with the parent's
        // values: alone a library chart is not installable and a subchart lacks what its parent sets.
        while (dir.parent_path().filename() == "charts" && is_chart_dir(dir.parent_path().parent_path().string()))
          dir = dir.parent_path().parent_path();
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

Expected<std::shared_ptr<const Linter>> request_linter(const LintRequest& request) {
  auto options = request_options(request);
  if (!options) return options.error();
  auto linter = Linter::create(options.value());
  if (!linter) return with_kind(linter.error(), ErrorKind::Policy);
  return std::shared_ptr<const Linter>(std::make_shared<Linter>(std::move(linter.value())));
}

Expected<LintReport> lint_request(const LintRequest& request) {
  std::vector<std::string> paths = request.charts_of ? enclosing_charts(request.paths) : request.paths;
  if (paths.empty() && request.texts.empty() && !request.charts_of) {
    return Error{"", 0, 0,
                 "no input; give files, directories, or - for standard input (helm template . | chartproof lint -)",
                 ErrorKind::Usage};
  }
  auto made = request.linter ? Expected<std::shared_ptr<const Linter>>(request.linter) : request_linter(request);
  if (!made) return made.error();
  const Linter* linter = made.value().get();
  const LintOptions* options = &linter->options();

  // Chart folders are rendered with helm, for the Kubernetes version the schemas check and in the
  // request's namespace; everything else is read as rendered YAML.
  ChartOptions chart_options = request.chart;
  chart_options.kube_version = options->kube_version;
  if (chart_options.namespace_.empty() && request.default_namespace != "default") {
    chart_options.namespace_ = request.default_namespace;
  }
  // Each chart is a release of its own: its own lint context and graph, so two charts never meet
  // in duplicate-resource or overlapping-selectors. A chart helm cannot render (or pull) is an
  // error of the run (exit 2) that does not stop the others.
  std::vector<std::unique_ptr<request::InputSource>> sources = request::input_sources(paths);
  bool renders = !request.chart_source.empty() ||
                 std::any_of(sources.begin(), sources.end(), [](const auto& source) { return source->is_chart(); });
  // Only a run that renders charts needs the served APIs (loading them is 5% of a small plain lint).
  if (renders) render_as_cluster(chart_options);
  // helm dominates chart mode (40-500 ms a chart), so sources load concurrently (--jobs); each is
  // then parsed and linted in source order, so the output is the same for any --jobs.
  const request::LoadSettings settings{chart_options, linter->chart_renders(), request.shown_paths};
  std::vector<std::optional<Expected<request::LoadedInput>>> loaded(sources.size());
  support::parallel_for(sources.size(), request.jobs,
                        [&](std::size_t i) { loaded[i].emplace(sources[i]->load(settings)); });
  std::vector<std::shared_ptr<const Input>> contexts;
  std::vector<Error> chart_errors;
  std::vector<SourceFile> files;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    Expected<request::LoadedInput>& input = *loaded[i];
    if (!input) {
      if (!sources[i]->is_chart()) return with_kind(input.error(), ErrorKind::Input);
      chart_errors.push_back(with_kind(input.error(), ErrorKind::Chart));
      continue;
    }
    if (input->chart) {
      std::vector<ChartSources> one;
      one.push_back(std::move(*input->chart));
      contexts.push_back(load_input({}, linter->options(), std::move(one)));
    }
    for (auto& file : input->files) files.push_back(std::move(file));
  }
  bool plain_input =
      std::any_of(sources.begin(), sources.end(), [](const auto& source) { return !source->is_chart(); });
  for (const auto& text : request.texts) files.push_back(text);
  // `--chart DIR`: the rendered input is that chart's render; chart mode renders the instrumented
  // copy for the source map (and Chart.yaml and the values files for the chart pack) around it.
  std::vector<Error> piped_notes;
  if (!request.chart_source.empty()) {
    if (files.size() != 1 || !contexts.empty()) {
      return Error{"", 0, 0, "--chart maps one rendered input (a file or - for standard input) to its chart folder",
                   ErrorKind::Usage};
    }
    if (!is_chart_dir(request.chart_source)) {
      return Error{request.chart_source, 0, 0, "--chart: not a chart folder (no Chart.yaml)", ErrorKind::Usage};
    }
    auto chart = load_chart(request.chart_source, chart_options, linter->chart_renders());
    if (!chart) return with_kind(chart.error(), ErrorKind::Chart);
    if (chart->render) {
      if (auto note = piped_render_note(files.front(), chart->render->text, request.chart_source, chart_options))
        piped_notes.push_back(std::move(*note));
    }
    chart->render_name = files.front().path;
    chart->render = std::move(files.front());
    files.clear();
    std::vector<ChartSources> one;
    one.push_back(std::move(chart.value()));
    contexts.push_back(load_input({}, linter->options(), std::move(one)));
  }
  // Plain files (rendered manifests, standard input, texts) are one context, linted first.
  if (!files.empty() || contexts.empty())
    contexts.insert(contexts.begin(), load_input(std::move(files), linter->options()));
  // Only charts were asked for and none rendered: the helm error is the result.
  if (chart_errors.size() == 1 && !plain_input && request.texts.empty() && contexts.size() == 1 &&
      contexts.front()->graph.documents().empty()) {
    return chart_errors.front();
  }
  LintReport report = linter->run(std::move(contexts));
  report.errors = std::move(chart_errors);
  for (auto& note : piped_notes) report.notes.push_back(std::move(note));
  if (request.min_severity) report.hide_below(*request.min_severity);
  // `helm template ... | chartproof lint -` where helm printed nothing must not pass a gate. A
  // finding (e.g. a folder without Chart.yaml) or a chart folder whose own files were linted (its
  // Chart.yaml and values, even when every template is switched off) means something was checked.
  bool checked_something = report.summary.documents > 0 || !report.findings.empty() || !report.charts().empty();
  if (!checked_something && report.errors.empty() && !request.allow_empty) {
    std::string why = report.summary.skipped == 0 ? "empty input, no YAML files, or only comments"
                                                  : std::to_string(report.summary.skipped) +
                                                        (report.summary.skipped == 1 ? " file" : " files") +
                                                        " read, none of them a Kubernetes manifest";
    return Error{"", 0, 0, "no Kubernetes objects in the input (" + why + "); --allow-empty accepts that",
                 ErrorKind::Usage};
  }
  return report;
}

}  // namespace chartproof
