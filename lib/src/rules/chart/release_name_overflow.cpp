// release-name-overflow: a name or label the chart produces that breaks its limit at Helm's longest
// release name (53 characters), though not at the one linted. Reads chart mode's second render,
// made under a 53-character release name.
#include <map>

#include "chartproof/chart.hpp"
#include "chartproof/chart_folder.hpp"
#include "rules/chart/render_pairs.hpp"
#include "rules/rule_support.hpp"
#include "rules/validation/api_formats.hpp"

namespace chartproof::rules {
namespace {

using namespace validation;

// A field whose value may contain the release name, and how the API server judges it.
struct NameSite {
  std::string path;
  std::string what;
  bool label = false;  // a label value (else the object's name)
};

std::vector<NameSite> name_sites(const Resource& r) {
  std::vector<NameSite> out{{"metadata.name", r.ref.kind + " name"}};
  auto labels = [&](Node map, const std::string& path, const std::string& what) {
    for (std::size_t i = 0; map.is_map() && i < map.size(); ++i) {
      std::string key(map.key_at(i).text());
      out.push_back({append_path_key(path, key), what + " \"" + key + "\"", true});
    }
  };
  labels(r.metadata.get("labels"), "metadata.labels", "value of label");
  if (r.pod && !(r.pod->template_metadata.node == r.metadata)) {
    labels(r.pod->template_metadata.node.get("labels"), r.pod->template_metadata.path + ".labels",
           "value of pod label");
  }
  if (r.ref.kind == "Service") labels(r.root.at_path("spec.selector"), "spec.selector", "value of selector");
  labels(r.root.at_path("spec.selector.matchLabels"), "spec.selector.matchLabels", "value of selector");
  return out;
}

Messages judge(const Resource& r, const NameSite& site, std::string_view value) {
  if (site.label) return label_value(value);
  Messages m = check_name(name_rule(r.ref.api_version, r.ref.kind), value);
  if (m.empty() && r.ref.kind == "Job" && value.size() > 63 && r.root.at_path("spec.manualSelector").as_bool() != true)
    m.push_back("must be no more than 63 characters (the Job's batch.kubernetes.io/job-name label)");
  return m;
}

// The length limit a message states ("must be no more than 63 characters"), 0 for none.
std::size_t stated_limit(const Messages& messages) {
  for (const auto& m : messages) {
    auto at = m.find("no more than ");
    if (at != std::string::npos) return std::stoul(m.substr(at + 13));
  }
  return 0;
}

// How often the probe's release name appears whole in `value`.
std::size_t release_name_count(std::string_view value) {
  std::size_t n = 0;
  for (auto at = value.find(kProbeReleaseNameStem); at != std::string_view::npos;
       at = value.find(kProbeReleaseNameStem, at + 1)) {
    n += at + kMaxReleaseNameLength <= value.size();
  }
  return n;
}

class ReleaseNameOverflow : public Rule {
 public:
  explicit ReleaseNameOverflow(const Params&) {}

  void check_chart(const ChartFolder& chart, const RuleContext& ctx, Reporter& out) const override {
    if (!chart.render) return;
    if (!chart.probe_error.empty()) {
      out.report_document(
          chart.chart_yaml, 1, 1,
          "the chart renders, but not with a 53-character release name (Helm's longest): " + chart.probe_error);
      return;
    }
    if (!chart.probe) return;
    ByTemplate probe = resources_by_template(*chart.probe, nullptr);
    for (const auto& [at, r] : resources_by_template(ctx.graph, chart.render)) {
      auto twin = probe.find(at);
      if (twin == probe.end() || twin->second->ref.kind != r->ref.kind) continue;
      for (const NameSite& site : name_sites(*r)) {
        Node here = r->root.at_path(site.path);
        Node there = twin->second->root.at_path(site.path);
        if (!here.is_scalar() || !there.is_scalar() || here.is_null()) continue;
        Messages long_name = judge(*twin->second, site, there.text());
        if (long_name.empty() || !judge(*r, site, here.text()).empty()) continue;  // invalid-* reports the latter
        out.report(*r, Field{here, site.path}, message(site, there.text(), long_name));
      }
    }
  }

 private:
  static std::string message(const NameSite& site, std::string_view value, const Messages& m) {
    std::string out = site.what + " becomes " + std::to_string(value.size()) +
                      " characters with a 53-character release name (Helm's longest): ";
    for (std::size_t i = 0; i < m.size(); ++i) out += (i > 0 ? "; " : "") + m[i];
    std::size_t limit = stated_limit(m), count = release_name_count(value);
    if (limit > 0 && count > 0 && value.size() > limit) {
      std::size_t cut = (value.size() - limit + count - 1) / count;  // characters each occurrence must lose
      out += cut >= kMaxReleaseNameLength ? "; no release name fits"
                                          : "; it fits for release names of at most " +
                                                std::to_string(kMaxReleaseNameLength - cut) + " characters";
    } else {
      out += " (the value ends \"" + std::string(value.substr(value.size() > 20 ? value.size() - 20 : 0)) + "\")";
    }
    return out;
  }
};

}  // namespace

RuleDefinition release_name_overflow_rule() {
  RuleMeta meta{
      .id = "release-name-overflow",
      .pack = "chart",
      .severity = Severity::Error,
      .summary = "Names and labels a chart builds from the release name must fit at Helm's longest release name.",
      .rationale =
          "Helm accepts release names of up to 53 characters, and most name overflows in real charts appear only "
          "with a long one: `{{ .Release.Name }}-{{ .Chart.Name }}-metrics` past 63 characters makes a Service "
          "name (a DNS-1035 label), a label value (IsValidLabelValue) or a CronJob name (52) the API server "
          "rejects (see invalid-object-name and invalid-label for the functions). In chart mode chartproof renders "
          "the chart a second time under a 53-character release name (the render it already makes to compare "
          "Secrets, so it costs no extra helm run) and reports each name or label value that breaks there but not "
          "under the release name linted, at the template line that builds it, with the longest release name that "
          "fits when the value contains the release name whole. A helper that truncates (`trunc 63 | trimSuffix "
          "\"-\"`) keeps the chart quiet. A chart that fails to render with a 53-character release name at all is "
          "reported at Chart.yaml.",
      .remediation =
          "Build names with a truncating helper (`{{ include \"chart.fullname\" . }}` with "
          "`trunc 63 | trimSuffix \"-\"`; leave room for suffixes: `trunc 55` before `-metrics`), or "
          "document the longest release name the chart supports."};
  meta.subject = RuleSubject::Chart;
  meta.needs_probe_render = true;
  return define<ReleaseNameOverflow>(std::move(meta));
}

}  // namespace chartproof::rules
