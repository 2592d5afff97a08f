// chartproof._core: the library seen from Python. Conversions only; parsing and linting run with
// the GIL released, so several Python threads can lint at once.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <sstream>

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"

namespace py = pybind11;
using namespace chartproof;

namespace {

// A user-caused error, raised in Python as chartproof.<kind> (InputError, PolicyError, ParseError).
struct CoreError {
  std::string kind;
  Error error;
};

[[noreturn]] void raise(std::string kind, const Error& e) { throw CoreError{std::move(kind), e}; }

py::object to_python(Node node) {
  switch (node.type()) {
    case NodeType::Null: return py::none();
    case NodeType::Bool: return py::bool_(*node.as_bool());
    case NodeType::Int:
      if (auto i = node.as_int()) return py::int_(*i);
      return py::str(std::string(node.text()));
    case NodeType::Float: return py::float_(node.as_double().value_or(0));
    case NodeType::String: return py::str(std::string(node.text()));
    case NodeType::Sequence: {
      py::list out;
      for (std::size_t i = 0; i < node.size(); ++i) out.append(to_python(node.item(i)));
      return out;
    }
    case NodeType::Mapping: {
      py::dict out;
      for (std::size_t i = 0; i < node.size(); ++i) out[py::str(std::string(node.key_at(i).text()))] = to_python(node.value_at(i));
      return out;
    }
  }
  return py::none();
}

py::dict resource_dict(const ResourceRef& r) {
  py::dict d;
  d["apiVersion"] = r.api_version;
  d["kind"] = r.kind;
  d["namespace"] = r.namespace_;
  d["name"] = r.name;
  return d;
}

// Chart mode: {"file", "line", "column"} of the values entry the offending value came from, or None.
py::object value_source_dict(const Finding& f) {
  if (!f.value_source) return py::none();
  py::dict d;
  d["file"] = f.value_source->file;
  d["line"] = f.value_source->line;
  d["column"] = f.value_source->column;
  return d;
}

py::dict finding_dict(const Finding& f) {
  py::dict d;
  d["rule"] = f.rule;
  d["pack"] = f.pack;
  d["severity"] = std::string(severity_name(f.severity));
  d["message"] = f.message;
  d["resource"] = f.has_resource() ? py::object(resource_dict(f.resource)) : py::object(py::none());
  d["path"] = f.path;
  d["file"] = f.file;
  d["line"] = f.line;
  d["column"] = f.column;
  d["template"] = f.template_name;
  d["value_source"] = value_source_dict(f);
  d["remediation"] = f.remediation;
  return d;
}

// Options and the policy they came from (profile, then policy files, later wins).
struct LintSettings {
  std::optional<std::string> profile;
  std::vector<std::string> policies;
  std::vector<std::string> enable, disable;
  std::string namespace_ = "default";
  unsigned jobs = 0;
  std::string kube_version;
  std::vector<std::string> schema_dirs;
  std::string schema_mode = "strict";
};

LintOptions make_options(const LintSettings& s) {
  auto policy = effective_policy(s.profile.value_or(""), s.policies);
  if (!policy) raise("PolicyError", policy.error());
  LintOptions o = options_from_policy(policy.value());
  o.enable = s.enable;
  o.disable = s.disable;
  o.default_namespace = s.namespace_;
  o.jobs = s.jobs;
  if (s.schema_mode != "strict" && s.schema_mode != "lenient") {
    throw py::value_error("schema_mode must be \"strict\" or \"lenient\", not \"" + s.schema_mode + "\"");
  }
  o.kube_version = s.kube_version;
  o.schema_dirs = s.schema_dirs;
  o.schema_mode = s.schema_mode == "lenient" ? SchemaMode::Lenient : SchemaMode::Strict;
  return o;
}

// Reads paths (with the GIL released) and appends in-memory texts.
std::vector<SourceFile> gather(const std::vector<std::pair<std::string, std::string>>& texts,
                               const std::vector<std::string>& paths) {
  std::vector<SourceFile> files;
  if (!paths.empty()) {
    auto read = read_inputs(paths);
    if (!read) raise("InputError", read.error());
    files = std::move(read.value());
  }
  for (const auto& [name, text] : texts) files.push_back(SourceFile{name, text});
  return files;
}

struct PyResource {
  std::shared_ptr<const Input> input;
  std::size_t index;
  const Resource& get() const { return input->graph.resources().at(index); }
};

struct PyGraph {
  std::shared_ptr<const Input> input;
};

std::vector<PyResource> wrap(const PyGraph& g, const std::vector<const Resource*>& rs) {
  std::vector<PyResource> out;
  for (const Resource* r : rs) out.push_back(PyResource{g.input, r->index});
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "chartproof core (C++): use the chartproof package instead";

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const CoreError& e) {
      py::object cls = py::module_::import("chartproof._errors").attr(e.kind.c_str());
      py::object exc = cls(e.error.to_string(), e.error.file, e.error.line, e.error.column);
      PyErr_SetObject(cls.ptr(), exc.ptr());
    }
  });

  py::class_<LintSettings>(m, "LintSettings")
      .def(py::init<>())
      .def_readwrite("profile", &LintSettings::profile)
      .def_readwrite("policies", &LintSettings::policies)
      .def_readwrite("enable", &LintSettings::enable)
      .def_readwrite("disable", &LintSettings::disable)
      .def_readwrite("namespace", &LintSettings::namespace_)
      .def_readwrite("jobs", &LintSettings::jobs)
      .def_readwrite("kube_version", &LintSettings::kube_version)
      .def_readwrite("schema_dirs", &LintSettings::schema_dirs)
      .def_readwrite("schema_mode", &LintSettings::schema_mode);

  py::class_<Finding>(m, "Finding")
      .def_readonly("rule", &Finding::rule)
      .def_readonly("pack", &Finding::pack)
      .def_property_readonly("severity", [](const Finding& f) { return std::string(severity_name(f.severity)); })
      .def_readonly("message", &Finding::message)
      .def_property_readonly("resource", [](const Finding& f) -> py::object {
        if (!f.has_resource()) return py::none();
        return resource_dict(f.resource);
      })
      .def_readonly("path", &Finding::path)
      .def_readonly("file", &Finding::file)
      .def_readonly("line", &Finding::line)
      .def_readonly("column", &Finding::column)
      .def_readonly("template", &Finding::template_name)
      .def_readonly("remediation", &Finding::remediation)
      .def_property_readonly("value_source", &value_source_dict)
      .def("to_dict", &finding_dict)
      .def("__repr__", [](const Finding& f) {
        return "<Finding " + std::string(severity_name(f.severity)) + " " + f.rule + " at " + f.file + ":" +
               std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.message + ">";
      });

  py::class_<LintReport>(m, "Report")
      .def_readonly("findings", &LintReport::findings)
      .def_property_readonly("summary", [](const LintReport& r) {
        py::dict d;
        d["documents"] = r.summary.documents;
        d["resources"] = r.summary.resources;
        d["findings"] = r.summary.findings;
        d["error"] = r.summary.error;
        d["warning"] = r.summary.warning;
        d["info"] = r.summary.info;
        return d;
      })
      .def("ok", [](const LintReport& r, const std::string& fail_on) {
        if (fail_on == "never") return true;
        auto sev = parse_severity(fail_on);
        if (!sev) throw py::value_error("fail_on must be error, warning, info or never");
        return r.ok(*sev);
      }, py::arg("fail_on") = "error")
      .def("to_json", [](const LintReport& r) { return format_json(r); })
      .def("to_sarif", [](const LintReport& r, const std::string& base) { return format_sarif(r, base); },
           py::arg("base_dir") = ".")
      .def("to_junit", [](const LintReport& r) { return format_junit(r); })
      .def("to_github", [](const LintReport& r) { return format_github(r); })
      .def("to_text", [](const LintReport& r) { return format_text(r, TextOptions{}); })
      .def("__len__", [](const LintReport& r) { return r.findings.size(); })
      .def("__iter__", [](const LintReport& r) { return py::make_iterator(r.findings.begin(), r.findings.end()); },
           py::keep_alive<0, 1>());

  m.def("lint", [](const std::vector<std::pair<std::string, std::string>>& texts, const std::vector<std::string>& paths,
                   const LintSettings& settings) {
    LintOptions options = make_options(settings);
    auto linter = Linter::create(options);
    if (!linter) raise("PolicyError", linter.error());
    py::gil_scoped_release release;
    return linter->lint(gather(texts, paths));
  });

  py::class_<PyResource>(m, "Resource")
      .def_property_readonly("api_version", [](const PyResource& r) { return r.get().ref.api_version; })
      .def_property_readonly("kind", [](const PyResource& r) { return r.get().ref.kind; })
      .def_property_readonly("namespace", [](const PyResource& r) { return r.get().ref.namespace_; })
      .def_property_readonly("name", [](const PyResource& r) { return r.get().ref.name; })
      .def_property_readonly("file", [](const PyResource& r) {
        return r.get().document->file ? r.get().document->file->path : std::string();
      })
      .def_property_readonly("line", [](const PyResource& r) { return r.get().root.line(); })
      .def_property_readonly("template", [](const PyResource& r) { return r.get().document->template_name; })
      .def_property_readonly("labels", [](const PyResource& r) {
        py::dict d;
        for (const auto& [k, v] : r.get().labels) d[py::str(std::string(k))] = std::string(v);
        return d;
      })
      .def("get", [](const PyResource& r, const std::string& path, py::object fallback) -> py::object {
        Node n = r.get().root.at_path(path);
        return n ? to_python(n) : fallback;
      }, py::arg("path"), py::arg("default") = py::none())
      .def("to_dict", [](const PyResource& r) { return to_python(r.get().root); })
      .def("__eq__", [](const PyResource& a, const PyResource& b) { return a.input == b.input && a.index == b.index; })
      .def("__hash__", [](const PyResource& r) { return std::hash<std::size_t>()(r.index); })
      .def("__repr__", [](const PyResource& r) { return "<Resource " + r.get().describe() + ">"; });

  py::class_<PyGraph>(m, "Graph")
      .def("resources", [](const PyGraph& g, std::optional<std::string> kind, std::optional<std::string> ns) {
        std::vector<PyResource> out;
        for (const Resource& r : g.input->graph.resources()) {
          if (kind && r.ref.kind != *kind) continue;
          if (ns && r.ref.namespace_ != *ns) continue;
          out.push_back(PyResource{g.input, r.index});
        }
        return out;
      }, py::arg("kind") = py::none(), py::arg("namespace") = py::none())
      .def("find", [](const PyGraph& g, const std::string& kind, const std::string& ns, const std::string& name) -> py::object {
        const Resource* r = g.input->graph.find(kind, ns, name);
        if (!r) return py::none();
        return py::cast(PyResource{g.input, r->index});
      }, py::arg("kind"), py::arg("namespace"), py::arg("name"))
      .def("pods_selected_by", [](const PyGraph& g, const PyResource& res) {
        const Resource& r = res.get();
        std::optional<LabelSelector> selector;
        if (r.ref.kind == "Service") selector = view_service(r).selector;
        else if (auto s = view_pod_selector(r)) selector = s;
        else if (r.selector) selector = r.selector;
        if (!selector || selector->empty()) return std::vector<PyResource>{};
        return wrap(g, g.input->graph.pods_selected_by(*selector, r.ref.namespace_));
      }, py::arg("resource"))
      .def("references", [](const PyGraph& g, const PyResource& res) {
        const Resource& r = res.get();
        py::list out;
        if (!r.pod) return out;
        for (const auto& ref : pod_references(*r.pod)) {
          py::dict d;
          d["kind"] = std::string(ref.kind);
          d["name"] = std::string(ref.name);
          d["path"] = ref.field.path;
          d["line"] = ref.field.node.line();
          d["optional"] = ref.optional;
          const Resource* target = g.input->graph.find(ref.kind, r.ref.namespace_, ref.name);
          d["target"] = target ? py::cast(PyResource{g.input, target->index}) : py::object(py::none());
          out.append(d);
        }
        return out;
      }, py::arg("resource"))
      .def("__len__", [](const PyGraph& g) { return g.input->graph.resources().size(); });

  m.def("parse", [](const std::vector<std::pair<std::string, std::string>>& texts, const std::vector<std::string>& paths,
                    const std::string& ns, bool strict) {
    std::shared_ptr<const Input> input;
    {
      py::gil_scoped_release release;
      LintOptions options;
      options.default_namespace = ns;
      input = load_input(gather(texts, paths), options);
    }
    if (strict) {
      for (const auto& doc : input->graph.documents()) {
        for (const auto& issue : doc.issues) {
          if (issue.kind == ParseIssue::Kind::InvalidYaml) {
            raise("ParseError", Error{doc.file ? doc.file->path : "", issue.line, issue.column, issue.message});
          }
        }
      }
    }
    return PyGraph{input};
  });

  m.def("rules", [](const std::vector<std::string>& policies) {
    LintSettings s;
    s.policies = policies;
    auto linter = Linter::create(make_options(s));
    if (!linter) raise("PolicyError", linter.error());
    py::list out;
    for (const RuleDefinition* def : linter->definitions()) {
      const RuleMeta& meta = def->meta;
      py::dict d;
      d["id"] = meta.id;
      d["pack"] = meta.pack;
      d["severity"] = std::string(severity_name(meta.severity));
      d["enabled_by_default"] = meta.enabled_by_default;
      d["kinds"] = meta.kinds;
      d["summary"] = meta.summary;
      d["rationale"] = meta.rationale;
      d["remediation"] = meta.remediation;
      py::list params;
      for (const auto& p : meta.params) {
        py::dict pd;
        pd["name"] = p.name;
        pd["description"] = p.description;
        params.append(pd);
      }
      d["params"] = params;
      out.append(d);
    }
    return out;
  }, py::arg("policies") = std::vector<std::string>{});

  m.def("check_policy", [](const std::string& path) {
    auto policy = load_policy_file(path);
    if (!policy) raise("PolicyError", policy.error());
    auto linter = Linter::create(options_from_policy(policy.value()));
    if (!linter) raise("PolicyError", Error{path, 0, 0, linter.error().to_string()});
    py::dict d;
    d["name"] = policy->name;
    d["file"] = policy->file;
    d["extends"] = policy->extends;
    std::vector<std::string> rules;
    for (const auto& [id, cfg] : policy->rules) rules.push_back(id);
    d["rules"] = rules;
    d["exemptions"] = policy->exemptions.size();
    std::vector<std::string> custom;
    for (const auto& spec : policy->custom_rules) custom.push_back(spec.id);
    d["custom_rules"] = custom;
    return d;
  });

  // Chart mode: renders the chart (twice when a rule compares renders) and lints it with the chart
  // pack, exactly as `chartproof lint CHART_DIR`.
  m.def("lint_chart", [](const std::string& chart_dir, const std::string& helm, const std::string& release,
                         const std::vector<std::string>& values, const std::vector<std::string>& set,
                         const std::vector<std::string>& set_string, bool include_crds, const LintSettings& settings) {
    LintOptions options = make_options(settings);
    auto linter = Linter::create(options);
    if (!linter) raise("PolicyError", linter.error());
    ChartOptions o;
    o.helm = helm;
    o.release = release;
    if (settings.namespace_ != "default") o.namespace_ = settings.namespace_;
    o.values_files = values;
    o.set = set;
    o.set_string = set_string;
    o.include_crds = include_crds;
    o.kube_version = settings.kube_version;  // helm renders for the version the schemas check
    Expected<ChartSources> chart = Error{};
    {
      py::gil_scoped_release release_gil;
      chart = load_chart(chart_dir, o, linter->chart_renders());
    }
    if (!chart) raise("ChartError", chart.error());
    std::vector<ChartSources> charts;
    charts.push_back(std::move(chart.value()));
    py::gil_scoped_release release_gil;
    return linter->lint({}, std::move(charts));
  });

  // The `chartproof` console script: the C++ CLI, writing to the process's own stdout and stderr.
  m.def("main", [](const std::vector<std::string>& args) {
    py::module_::import("sys").attr("stdout").attr("flush")();
    const char* no_color = std::getenv("NO_COLOR");
    int code = 0;
    {
      py::gil_scoped_release release_gil;
      code = cli::run(args, cli::Environment{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                              no_color != nullptr && *no_color != '\0'});
      std::cout.flush();
    }
    return code;
  });

  m.attr("__version__") = std::string(version());
}
