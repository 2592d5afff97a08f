// The one table of request options (chartproof/request_options.hpp). Each entry reads and writes
// its LintRequest field through the accessors below; the fronts never name a field themselves.
#include "chartproof/request_options.hpp"

#include <algorithm>
#include <type_traits>

namespace chartproof {
namespace {

// A field of LintRequest itself, or of its ChartOptions: the two places request settings live.
template <auto Member>
struct Own {
  static auto& of(LintRequest& r) { return r.*Member; }
  static const auto& of(const LintRequest& r) { return r.*Member; }
};
template <auto Member>
struct InChart {
  static auto& of(LintRequest& r) { return r.chart.*Member; }
  static const auto& of(const LintRequest& r) { return r.chart.*Member; }
};

template <typename Field>
OptionValue get_plain(const LintRequest& r) {
  return OptionValue(Field::of(r));
}

// Sets a bool, string, string list or count field from a value of that type (a string field also
// takes "unset" as empty).
template <typename Field>
std::optional<std::string> set_plain(LintRequest& r, const OptionValue& value) {
  auto& field = Field::of(r);
  using T = std::remove_reference_t<decltype(field)>;
  if constexpr (std::is_same_v<T, std::string>) {
    if (std::holds_alternative<std::monostate>(value)) {
      field.clear();
      return std::nullopt;
    }
  }
  const T* given = std::get_if<T>(&value);
  if (given == nullptr) return "a value of the wrong type";
  field = *given;
  return std::nullopt;
}

// "a,b" and repeated values both work, in every front: --enable a,b --enable c, enable=["a,b", "c"].
std::vector<std::string> split_commas(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    std::size_t pos = 0;
    while (pos <= item.size()) {
      std::size_t end = item.find(',', pos);
      if (end == std::string::npos) end = item.size();
      if (end > pos) out.push_back(item.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  return out;
}

template <typename Field>
std::optional<std::string> set_comma_list(LintRequest& r, const OptionValue& value) {
  const auto* given = std::get_if<std::vector<std::string>>(&value);
  if (given == nullptr) return "a value of the wrong type";
  Field::of(r) = split_commas(*given);
  return std::nullopt;
}

// An optional text: unset (or, from a flag, empty) leaves the policy's value in force.
std::optional<std::string> text_of(const OptionValue& value, std::optional<std::string>& out) {
  if (std::holds_alternative<std::monostate>(value)) {
    out.reset();
    return std::nullopt;
  }
  const auto* given = std::get_if<std::string>(&value);
  if (given == nullptr) return "a value of the wrong type";
  out = *given;
  return std::nullopt;
}

OptionValue get_kube_version(const LintRequest& r) {
  return r.kube_version ? OptionValue(*r.kube_version) : OptionValue();
}
std::optional<std::string> set_kube_version(LintRequest& r, const OptionValue& value) {
  return text_of(value, r.kube_version);
}

OptionValue get_min_severity(const LintRequest& r) {
  return r.min_severity ? OptionValue(std::string(severity_name(*r.min_severity))) : OptionValue();
}
std::optional<std::string> set_min_severity(LintRequest& r, const OptionValue& value) {
  std::optional<std::string> text;
  if (auto wrong = text_of(value, text)) return wrong;
  if (!text) {
    r.min_severity.reset();
    return std::nullopt;
  }
  auto severity = parse_severity(*text);
  if (!severity) return "\"" + *text + "\" is not one of error, warning, info";
  r.min_severity = *severity;
  return std::nullopt;
}

OptionValue get_schema_mode(const LintRequest& r) {
  if (!r.schema_mode) return {};
  return std::string(*r.schema_mode == SchemaMode::Lenient ? "lenient" : "strict");
}
std::optional<std::string> set_schema_mode(LintRequest& r, const OptionValue& value) {
  std::optional<std::string> text;
  if (auto wrong = text_of(value, text)) return wrong;
  if (!text) {
    r.schema_mode.reset();
  } else if (*text == "strict") {
    r.schema_mode = SchemaMode::Strict;
  } else if (*text == "lenient") {
    r.schema_mode = SchemaMode::Lenient;
  } else {
    return "\"" + *text + "\" is not one of strict, lenient";
  }
  return std::nullopt;
}

constexpr unsigned kLintBoth = kUseLint | kUseLintChart;

const std::vector<RequestOption>& table() {
  using LR = LintRequest;
  using CO = ChartOptions;
  static const std::vector<RequestOption> options = {
      {"baseline",
       "--baseline",
       OptionType::Text,
       kLintBoth,
       "Findings this baseline file holds do not fail the run (--summary lists them); new ones do",
       {},
       get_plain<Own<&LR::baseline>>,
       set_plain<Own<&LR::baseline>>},
      {"allow_empty",
       "--allow-empty",
       OptionType::Flag,
       kLintBoth,
       "Accept an input with no Kubernetes objects (otherwise exit 2: the gate checked nothing)",
       {},
       get_plain<Own<&LR::allow_empty>>,
       set_plain<Own<&LR::allow_empty>>},
      {"min_severity",
       "--min-severity",
       OptionType::OptionalText,
       kLintBoth,
       "List only findings at or above this severity (the rest are counted, and still fail the run at --fail-on)",
       {"error", "warning", "info"},
       get_min_severity,
       set_min_severity},
      {"namespace",
       "-n,--namespace",
       OptionType::Text,
       kLintBoth,
       "Namespace of resources that set none",
       {},
       get_plain<Own<&LR::default_namespace>>,
       set_plain<Own<&LR::default_namespace>>},
      {"enable",
       "--enable",
       OptionType::TextList,
       kLintBoth | kUseAudit,
       "Rule ids or packs to switch on (repeatable, comma-separated)",
       {},
       get_plain<Own<&LR::enable>>,
       set_comma_list<Own<&LR::enable>>},
      {"disable",
       "--disable",
       OptionType::TextList,
       kLintBoth | kUseAudit,
       "Rule ids or packs to switch off; wins over --enable",
       {},
       get_plain<Own<&LR::disable>>,
       set_comma_list<Own<&LR::disable>>},
      {"jobs",
       "-j,--jobs",
       OptionType::Count,
       kLintBoth,
       "Worker threads, and charts rendered at once; 0 = one per core (same output for any value)",
       {},
       get_plain<Own<&LR::jobs>>,
       set_plain<Own<&LR::jobs>>},
      {"profile",
       "--profile",
       OptionType::Text,
       kLintBoth | kUseAudit | kUsePolicyShow,
       "Built-in profile: recommended (default), strict, pss-baseline, pss-restricted",
       {},
       get_plain<Own<&LR::profile>>,
       set_plain<Own<&LR::profile>>},
      {"policy",
       "--policy",
       OptionType::TextList,
       kLintBoth | kUseAudit | kUsePolicyShow,
       "Policy file (repeatable; later wins); default: .chartproof.yaml here or above",
       {},
       get_plain<Own<&LR::policy_files>>,
       set_plain<Own<&LR::policy_files>>},
      {"discover_policy",
       "",
       OptionType::Flag,
       kLintBoth | kUseNoFlag,
       "With no profile and no policy file, use .chartproof.yaml of the current folder or a parent",
       {},
       get_plain<Own<&LR::discover_policy>>,
       set_plain<Own<&LR::discover_policy>>},
      {"helm",
       "--helm",
       OptionType::Text,
       kLintBoth | kUseAudit,
       "helm binary for charts (a name on PATH, or a path)",
       {},
       get_plain<InChart<&CO::helm>>,
       set_plain<InChart<&CO::helm>>},
      {"chart",
       "--chart",
       OptionType::Text,
       kUseLint,
       "The rendered input is helm template of this chart folder: report at its template and values lines "
       "(helm template . | chartproof lint - --chart .)",
       {},
       get_plain<Own<&LR::chart_source>>,
       set_plain<Own<&LR::chart_source>>},
      {"values",
       "-f,--values",
       OptionType::TextList,
       kLintBoth,
       "Values file for charts (repeatable)",
       {},
       get_plain<InChart<&CO::values_files>>,
       set_plain<InChart<&CO::values_files>>},
      {"set",
       "--set",
       OptionType::TextList,
       kLintBoth,
       "helm --set for charts (repeatable)",
       {},
       get_plain<InChart<&CO::set>>,
       set_plain<InChart<&CO::set>>},
      {"set_string",
       "--set-string",
       OptionType::TextList,
       kLintBoth,
       "helm --set-string for charts (repeatable)",
       {},
       get_plain<InChart<&CO::set_string>>,
       set_plain<InChart<&CO::set_string>>},
      {"release",
       "--release",
       OptionType::Text,
       kLintBoth,
       "Release name for charts",
       {},
       get_plain<InChart<&CO::release>>,
       set_plain<InChart<&CO::release>>},
      {"kube_version",
       "--kube-version",
       OptionType::OptionalText,
       kLintBoth,
       "Kubernetes version to validate against (1.28 to 1.36; default the newest), also helm's --kube-version",
       {},
       get_kube_version,
       set_kube_version},
      {"schema_mode",
       "--schema-mode",
       OptionType::OptionalText,
       kLintBoth | kUseAudit,
       "strict: unknown fields are errors; lenient: they are not reported (default: the policy's, else strict)",
       {"strict", "lenient"},
       get_schema_mode,
       set_schema_mode},
      {"schema_dirs",
       "--schema-dir",
       OptionType::TextList,
       kLintBoth | kUseAudit,
       "Folder of CRD files or JSON Schemas for custom kinds (repeatable)",
       {},
       get_plain<Own<&LR::schema_dirs>>,
       set_plain<Own<&LR::schema_dirs>>},
      {"api_versions",
       "--api-versions",
       OptionType::TextList,
       kLintBoth,
       "helm --api-versions for charts: an API the cluster serves, so templates that test "
       ".Capabilities.APIVersions.Has render as they would there (repeatable)",
       {},
       get_plain<InChart<&CO::api_versions>>,
       set_plain<InChart<&CO::api_versions>>},
      {"namespace_labels",
       "--namespace-labels",
       OptionType::TextList,
       kLintBoth,
       "Labels of a namespace outside the input, NS=KEY=VALUE[,KEY=VALUE] (repeatable): its "
       "pod-security.kubernetes.io labels apply to the pods linted in it",
       {},
       get_plain<Own<&LR::namespace_labels>>,
       set_plain<Own<&LR::namespace_labels>>},
      {"admission_policies",
       "--admission-policies",
       OptionType::TextList,
       kLintBoth,
       "File or folder of the cluster's ValidatingAdmissionPolicies, their bindings and param objects "
       "(repeatable): admission-policy evaluates them with the input's own",
       {},
       get_plain<Own<&LR::admission_policies>>,
       set_plain<Own<&LR::admission_policies>>},
      {"include_crds",
       "--include-crds",
       OptionType::Flag,
       kLintBoth,
       "helm --include-crds for charts",
       {},
       get_plain<InChart<&CO::include_crds>>,
       set_plain<InChart<&CO::include_crds>>},
      {"version",
       "--version",
       OptionType::Text,
       kLintBoth,
       "Version of a remote chart (oci://HOST/REPO/CHART, https://REPO_URL/CHART or REPO/CHART, pulled with "
       "helm); default the newest",
       {},
       get_plain<InChart<&CO::version>>,
       set_plain<InChart<&CO::version>>},
      {"plain_http",
       "--plain-http",
       OptionType::Flag,
       kLintBoth,
       "helm pull --plain-http: the OCI registry of a remote chart speaks HTTP, not HTTPS",
       {},
       get_plain<InChart<&CO::plain_http>>,
       set_plain<InChart<&CO::plain_http>>},
      {"helm_timeout",
       "--helm-timeout",
       OptionType::Count,
       kLintBoth | kUseAudit,
       "Seconds helm may take to render one chart before it is stopped (0: no limit)",
       {},
       get_plain<InChart<&CO::timeout_seconds>>,
       set_plain<InChart<&CO::timeout_seconds>>},
      {"charts_of",
       "--charts-of",
       OptionType::Flag,
       kUseLint,
       "Paths are changed files: lint the chart folder of each (a subchart's parent), once (pre-commit)",
       {},
       get_plain<Own<&LR::charts_of>>,
       set_plain<Own<&LR::charts_of>>},
      {"chart_namespace",
       "",
       OptionType::Text,
       kUseNoFlag,
       "helm's --namespace (an audit matrix's namespace); empty: helm's default",
       {},
       get_plain<InChart<&CO::namespace_>>,
       set_plain<InChart<&CO::namespace_>>},
      {"working_dir",
       "",
       OptionType::Text,
       kUseNoFlag,
       "Where policy discovery starts; empty: the current folder",
       {},
       get_plain<Own<&LR::working_dir>>,
       set_plain<Own<&LR::working_dir>>},
      {"today",
       "",
       OptionType::Text,
       kUseNoFlag,
       "YYYY-MM-DD for exemption expiry; empty: the system date",
       {},
       get_plain<Own<&LR::today>>,
       set_plain<Own<&LR::today>>},
  };
  return options;
}

}  // namespace

std::span<const RequestOption> option_table() { return table(); }

const RequestOption* find_request_option(std::string_view name) {
  const auto& options = table();
  auto it = std::find_if(options.begin(), options.end(), [&](const RequestOption& o) { return o.name == name; });
  return it == options.end() ? nullptr : &*it;
}

std::string option_default_text(const RequestOption& option) {
  OptionValue value = option.get(LintRequest{});
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  if (const auto* count = std::get_if<unsigned>(&value)) return std::to_string(*count);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const auto& item : *list) out += (out.empty() ? "" : ",") + item;
    return out;
  }
  return "";
}

std::string option_json_key(const RequestOption& option) {
  std::string key;
  bool upper = false;
  for (char c : option.name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    key += upper ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return key;
}

}  // namespace chartproof
