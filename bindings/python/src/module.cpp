// chartproof._core: the library seen from Python. Conversions only; parsing and linting run with
// the GIL released, so several Python threads can lint at once.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <sstream>

#include "audit_module.hpp"
#include "chartproof/baseline.hpp"
#include "chartproof/cel.hpp"
#include "chartproof/chart.hpp"
#include "chartproof/engine.hpp"
#include "chartproof/fix.hpp"
#include "chartproof/formats.hpp"
#include "chartproof/policy.hpp"
#include "chartproof/report.hpp"
#include "chartproof/request.hpp"
#include "chartproof/request_options.hpp"
#include "chartproof/version.hpp"
#include "core_error.hpp"
#include "graph_view.hpp"
#include "python_pack.hpp"
#include "request_options_py.hpp"

namespace py = pybind11;
using namespace chartproof;
using chartproof::python::CoreError;
using chartproof::python::GraphRef;
using chartproof::python::PyGraph;
using chartproof::python::PyResource;
using chartproof::python::raise;

namespace {

py::object to_python(Node node) {
  switch (node.type()) {
    case NodeType::Null:
      return py::none();
    case NodeType::Bool:
      return py::bool_(*node.as_bool());
    case NodeType::Int:
      if (auto i = node.as_int()) return py::int_(*i);
      return py::str(std::string(node.text()));
    case NodeType::Float:
      return py::float_(node.as_double().value_or(0));
    case NodeType::String:
      return py::str(std::string(node.text()));
    case NodeType::Sequence: {
      py::list out;
      for (std::size_t i = 0; i < node.size(); ++i) out.append(to_python(node.item(i)));
      return out;
    }
    case NodeType::Mapping: {
      py::dict out;
      for (std::size_t i = 0; i < node.size(); ++i)
        out[py::str(std::string(node.key_at(i).text()))] = to_python(node.value_at(i));
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

// Chart mode: {"file", "line", "column"} of a position, or None.
py::object position_dict(const std::optional<SourcePosition>& at) {
  if (!at) return py::none();
  py::dict d;
  d["file"] = at->file;
  d["line"] = at->line;
  d["column"] = at->column;
  return d;
}

py::object value_source_dict(const Finding& f) { return position_dict(f.value_source); }

// A kept fix's edit (`chartproof fix`'s report), as the JSON's `fix` states it; None otherwise.
py::object fix_dict(const Finding& f) {
  if (!f.fixed_by) return py::none();
  const FixReplacement& r = *f.fixed_by;
  py::dict d;
  d["description"] = r.description;
  d["file"] = r.file;
  d["start_line"] = r.start_line;
  d["start_column"] = r.start_column;
  d["end_line"] = r.end_line;
  d["end_column"] = r.end_column;
  d["inserted"] = r.inserted;
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
  d["mapped"] = f.mapped;
  d["rendered"] = position_dict(f.rendered);
  d["template_line"] = position_dict(f.template_line);
  d["include_site"] = position_dict(f.include_site);
  d["value_source"] = value_source_dict(f);
  d["fix"] = fix_dict(f);
  d["remediation"] = f.remediation;
  py::list more;
  for (const auto& m : f.more) more.append(finding_dict(m));
  d["more"] = more;
  return d;
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

std::vector<PyResource> wrap(const PyGraph& g, const std::vector<const Resource*>& rs) {
  std::vector<PyResource> out;
  out.reserve(rs.size());
  for (const Resource* r : rs) out.push_back(PyResource{g.ref, r->index});
  return out;
}

// Located messages (LintReport::errors, notes) as Python dicts: {text, file, line, column}.
py::list located(const std::vector<chartproof::Error>& list) {
  py::list out;
  for (const auto& e : list) {
    py::dict d;
    d["text"] = e.to_string();
    d["file"] = e.file;
    d["line"] = e.line;
    d["column"] = e.column;
    out.append(d);
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "chartproof core (C++): use the chartproof package instead";

  // pybind11 requires this exact signature (by value).
  py::register_exception_translator([](std::exception_ptr p) {  // NOLINT(performance-unnecessary-value-param)
    try {
      if (p) std::rethrow_exception(p);
    } catch (const CoreError& e) {
      py::object cls = py::module_::import("chartproof._errors").attr(e.kind.c_str());
      py::object exc = cls(e.error.to_string(), e.error.file, e.error.line, e.error.column);
      PyErr_SetObject(cls.ptr(), exc.ptr());
    }
  });

  // The library's LintRequest: chartproof.lint, lint_chart and fleet.audit fill one in, exactly as
  // the CLI does from its flags, and lint_request answers both. Its attributes beyond paths and
  // texts are the option table's (chartproof/request_options.hpp), made here one per entry.
  py::class_<LintRequest> request_class(m, "Request",
                                        "The library's LintRequest: what chartproof.lint and lint_chart fill in.");
  request_class.def(py::init<>())
      .def_readwrite("paths", &LintRequest::paths)
      .def_property(
          "texts",
          [](const LintRequest& r) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const auto& f : r.texts) out.emplace_back(f.path, f.text);
            return out;
          },
          [](LintRequest& r, const std::vector<std::pair<std::string, std::string>>& texts) {
            r.texts.clear();
            for (const auto& [name, text] : texts) r.texts.push_back(SourceFile{name, text});
          });
  for (const RequestOption& option : option_table()) {
    const RequestOption* o = &option;
    request_class.def_property(
        std::string(option.name).c_str(),
        [o](const LintRequest& r) { return chartproof::python::option_to_python(o->get(r)); },
        [o](LintRequest& r, const py::object& value) {
          if (auto wrong = o->set(r, chartproof::python::option_from_python(*o, value)))
            throw py::value_error(std::string(o->name) + ": " + *wrong);
        });
  }
  m.def("options", &chartproof::python::options_table, py::arg("command") = "",
        "The option table: name, flags, type, use, help, choices, default (for one command: lint, lint_chart, "
        "audit, policy_show).");

  py::class_<Finding>(m, "Finding", "A finding as the library holds it (chartproof.Finding wraps it).")
      .def_readonly("rule", &Finding::rule)
      .def_readonly("pack", &Finding::pack)
      .def_property_readonly("severity", [](const Finding& f) { return std::string(severity_name(f.severity)); })
      .def_readonly("message", &Finding::message)
      .def_property_readonly("resource",
                             [](const Finding& f) -> py::object {
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
      .def_readonly("mapped", &Finding::mapped)
      .def_property_readonly("rendered", [](const Finding& f) { return position_dict(f.rendered); })
      .def_property_readonly("template_line", [](const Finding& f) { return position_dict(f.template_line); })
      .def_property_readonly("include_site", [](const Finding& f) { return position_dict(f.include_site); })
      .def_property_readonly("fix", &fix_dict)
      .def_readonly("more", &Finding::more)
      .def("to_dict", &finding_dict)
      .def("__repr__", [](const Finding& f) {
        return "<Finding " + std::string(severity_name(f.severity)) + " " + f.rule + " at " + f.file + ":" +
               std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.message + ">";
      });

  py::class_<LintReport>(m, "Report", "A report as the library holds it (chartproof.Report wraps it).")
      .def_readonly("findings", &LintReport::findings)
      .def_readonly("baselined", &LintReport::baselined)
      .def_readonly("hidden", &LintReport::hidden)
      .def(
          "keep",
          [](const LintReport& r, const std::vector<bool>& which) {
            if (which.size() != r.findings.size()) throw py::value_error("keep: one flag per finding");
            std::size_t i = 0;
            return r.filtered([&](const Finding&) { return which[i++]; });
          },
          "A copy holding the findings whose flag is true, with their counts.")
      .def("to_baseline", [](const LintReport& r) { return format_baseline(baseline_findings(r)); })
      .def_property_readonly("summary",
                             [](const LintReport& r) {
                               py::dict d;
                               d["documents"] = r.summary.documents;
                               d["resources"] = r.summary.resources;
                               d["findings"] = r.summary.findings;
                               d["error"] = r.summary.error;
                               d["warning"] = r.summary.warning;
                               d["info"] = r.summary.info;
                               d["skipped"] = r.summary.skipped;
                               d["baselined"] = r.summary.baselined;
                               d["hidden"] = r.summary.hidden;
                               d["objects"] = r.summary.objects;
                               d["helm_test_hooks"] = r.summary.helm_test_hooks;
                               return d;
                             })
      .def(
          "ok",
          [](const LintReport& r, const std::string& fail_on) {
            if (fail_on == "never") return true;
            auto sev = parse_severity(fail_on);
            if (!sev) throw py::value_error("fail_on must be error, warning, info or never");
            return r.ok(*sev);
          },
          py::arg("fail_on") = "error")
      .def("to_json", [](const LintReport& r) { return format_json(r); })
      .def(
          "to_sarif", [](const LintReport& r, const std::string& base) { return format_sarif(r, base); },
          py::arg("base_dir") = ".")
      .def(
          "to_junit",
          [](const LintReport& r, const std::string& fail_on) {
            if (fail_on == "never") return format_junit(r, std::nullopt);
            auto sev = parse_severity(fail_on);
            if (!sev) throw py::value_error("fail_on must be error, warning, info or never");
            return format_junit(r, *sev);
          },
          py::arg("fail_on") = "error")
      .def(
          "to",
          [](const LintReport& r, const std::string& format, const std::string& fail_on, const std::string& base_dir) {
            WriteOptions options;
            options.base_dir = base_dir;
            if (fail_on == "never") {
              options.fail_on = std::nullopt;
            } else if (!(options.fail_on = parse_severity(fail_on))) {
              throw py::value_error("fail_on must be error, warning, info or never");
            }
            std::ostringstream out;
            if (!write_report(r, format, options, out)) {
              throw py::value_error("unknown format \"" + format + "\"; formats: " + format_name_list(kFormatLint));
            }
            return out.str();
          },
          py::arg("format"), py::arg("fail_on") = "error", py::arg("base_dir") = ".")
      .def("to_github", [](const LintReport& r) { return format_github(r); })
      .def("to_html", [](const LintReport& r) { return format_html(r); })
      .def("to_text", [](const LintReport& r) { return format_text(r, TextOptions{}); })
      .def("__len__", [](const LintReport& r) { return r.findings.size(); })
      .def_property_readonly(
          "errors", [](const LintReport& r) { return located(r.errors); },
          "Charts helm could not render while the rest was linted: {text, file, line, column}.")
      .def_property_readonly(
          "notes", [](const LintReport& r) { return located(r.notes); },
          "What the run says once beside its findings: {text, file, line, column}.")
      .def(
          "__iter__", [](const LintReport& r) { return py::make_iterator(r.findings.begin(), r.findings.end()); },
          py::keep_alive<0, 1>());

  m.def(
      "formats",
      [](const std::string& command) {
        auto use = format_use(command);
        if (!use) throw py::value_error("command must be lint, audit or rules");
        return format_names(*use);
      },
      py::arg("command") = "lint", "The output formats a command writes (chartproof/formats.hpp's table).");

  chartproof::python::bind_packs(m);
  chartproof::python::bind_audit(m);

  m.def(
      "lint_request",
      [](LintRequest request, const std::optional<chartproof::python::PyCatalogue>& packs) {
        if (packs) request.catalogue = packs->catalogue;
        Expected<LintReport> report = Error{};
        {
          py::gil_scoped_release release;
          report = lint_request(request);
        }
        // A Python check that raised makes the run an error, never a pass.
        if (packs) {
          if (std::string failure = packs->failure->take(); !failure.empty())
            raise("RuleError", Error{"", 0, 0, failure});
        }
        if (!report) raise(report.error());
        return std::move(report.value());
      },
      py::arg("request"), py::arg("packs") = py::none());

  m.def(
      "fix_request",
      [](LintRequest request, bool write, const std::optional<chartproof::python::PyCatalogue>& packs) {
        if (packs) request.catalogue = packs->catalogue;
        Expected<FixReport> fixed = Error{};
        {
          py::gil_scoped_release release;
          fixed = fix_request(request, write);
        }
        if (packs) {
          if (std::string failure = packs->failure->take(); !failure.empty())
            raise("RuleError", Error{"", 0, 0, failure});
        }
        if (!fixed) raise(fixed.error());
        // What `chartproof fix` prints: the diff, and per finding what became of its fix.
        py::list outcomes;
        for (const auto& o : fixed.value().outcomes) {
          py::dict d;
          d["rule"] = o.finding.rule;
          d["message"] = o.finding.message;
          d["finding_file"] = o.finding.file;
          d["finding_line"] = o.finding.line;
          d["status"] = std::string(fix_status_name(o.status));
          d["reason"] = o.reason;
          d["file"] = o.file;
          d["line"] = o.line;
          outcomes.append(d);
        }
        py::dict out;
        out["diff"] = fixed.value().diff;
        out["changed_files"] = fixed.value().changed_files;
        out["outcomes"] = outcomes;
        out["report"] = fixed.value().report;  // each kept fix on its finding (`fix`), as JSON and SARIF state it
        return out;
      },
      py::arg("request"), py::arg("write") = false, py::arg("packs") = py::none());

  py::class_<PyResource>(m, "Resource", "One Kubernetes object of a parsed input: identity, labels, position, fields.")
      .def_property_readonly("api_version", [](const PyResource& r) { return r.get().ref.api_version; })
      .def_property_readonly("kind", [](const PyResource& r) { return r.get().ref.kind; })
      .def_property_readonly("namespace", [](const PyResource& r) { return r.get().ref.namespace_; })
      .def_property_readonly("name", [](const PyResource& r) { return r.get().ref.name; })
      .def_property_readonly(
          "file",
          [](const PyResource& r) { return r.get().document->file ? r.get().document->file->path : std::string(); })
      .def_property_readonly("line", [](const PyResource& r) { return r.get().root.line(); })
      .def_property_readonly("template", [](const PyResource& r) { return r.get().document->template_name; })
      .def_property_readonly("labels",
                             [](const PyResource& r) {
                               py::dict d;
                               for (const auto& [k, v] : r.get().labels) d[py::str(std::string(k))] = std::string(v);
                               return d;
                             })
      .def(
          "get",
          [](const PyResource& r, const std::string& path, py::object fallback) -> py::object {
            Node n = r.get().root.at_path(path);
            return n ? to_python(n) : std::move(fallback);
          },
          py::arg("path"), py::arg("default") = py::none())
      .def("to_dict", [](const PyResource& r) { return to_python(r.get().root); })
      .def("__eq__",
           [](const PyResource& a, const PyResource& b) { return a.ref.graph == b.ref.graph && a.index == b.index; })
      .def("__hash__", [](const PyResource& r) { return std::hash<std::size_t>()(r.index); })
      .def("__repr__", [](const PyResource& r) { return "<Resource " + r.get().describe() + ">"; });

  py::class_<PyGraph>(m, "Graph", "The objects of a parsed input, with lookups, selector matches and references.")
      .def(
          "resources",
          [](const PyGraph& g, std::optional<std::string> kind, std::optional<std::string> ns) {
            std::vector<PyResource> out;
            for (const Resource& r : g.ref.get().resources()) {
              if (kind && r.ref.kind != *kind) continue;
              if (ns && r.ref.namespace_ != *ns) continue;
              out.push_back(PyResource{g.ref, r.index});
            }
            return out;
          },
          py::arg("kind") = py::none(), py::arg("namespace") = py::none())
      .def(
          "select",
          [](const PyGraph& g, const std::optional<std::string>& kind, const std::optional<std::string>& ns,
             const std::optional<std::map<std::string, std::string>>& labels) {
            std::vector<PyResource> out;
            for (const Resource& r : g.ref.get().resources()) {
              if ((kind && r.ref.kind != *kind) || (ns && r.ref.namespace_ != *ns)) continue;
              auto carries = [&r](const std::pair<const std::string, std::string>& wanted) {
                return std::any_of(r.labels.begin(), r.labels.end(), [&wanted](const auto& label) {
                  return label.first == wanted.first && label.second == wanted.second;
                });
              };
              if (!labels || std::all_of(labels->begin(), labels->end(), carries))
                out.push_back(PyResource{g.ref, r.index});
            }
            return out;
          },
          py::arg("kind") = py::none(), py::arg("namespace") = py::none(), py::arg("labels") = py::none(),
          "Objects of this kind and namespace whose own labels include every given one.")
      .def(
          "find",
          [](const PyGraph& g, const std::string& kind, const std::string& ns, const std::string& name) -> py::object {
            const Resource* r = g.ref.get().find(kind, ns, name);
            if (!r) return py::none();
            return py::cast(PyResource{g.ref, r->index});
          },
          py::arg("kind"), py::arg("namespace"), py::arg("name"))
      .def(
          "pods_selected_by",
          [](const PyGraph& g, const PyResource& res) {
            const Resource& r = res.get();
            std::optional<LabelSelector> selector;
            if (r.ref.kind == "Service")
              selector = view_service(r).selector;
            else if (auto s = view_pod_selector(r))
              selector = s;
            else if (r.selector)
              selector = r.selector;
            if (!selector || selector->empty()) return std::vector<PyResource>{};
            return wrap(g, g.ref.get().pods_selected_by(*selector, r.ref.namespace_));
          },
          py::arg("resource"))
      .def(
          "references",
          [](const PyGraph& g, const PyResource& res) {
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
              const Resource* target = g.ref.get().find(ref.kind, r.ref.namespace_, ref.name);
              d["target"] = target ? py::cast(PyResource{g.ref, target->index}) : py::object(py::none());
              out.append(d);
            }
            return out;
          },
          py::arg("resource"))
      .def("__len__", [](const PyGraph& g) { return g.ref.get().resources().size(); });

  m.def("parse", [](const std::vector<std::pair<std::string, std::string>>& texts,
                    const std::vector<std::string>& paths, const std::string& ns, bool strict) {
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
    return PyGraph{GraphRef{input, &input->graph, nullptr}};
  });

  m.def(
      "rules",
      [](const std::vector<std::string>& policies, const std::optional<chartproof::python::PyCatalogue>& packs) {
        LintRequest request;
        if (packs) request.catalogue = packs->catalogue;
        request.policy_files = policies;
        request.discover_policy = false;
        auto options = request_options(request);
        if (!options) raise(options.error());
        auto linter = Linter::create(options.value());
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
      },
      py::arg("policies") = std::vector<std::string>{}, py::arg("packs") = py::none());

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

  // chartproof.cel.evaluate: the same entry point as `chartproof cel`.
  m.def("evaluate_cel", [](const std::string& expression, const std::string& object, const std::string& params,
                           const std::string& kube_version) {
    auto outcome = evaluate_cel(CelRequest{expression, object, params, kube_version});
    if (!outcome) raise("UsageError", outcome.error());
    py::dict d;
    d["ok"] = outcome->ok;
    d["value"] = outcome->value;
    d["cost"] = outcome->cost;
    return d;
  });

  m.attr("__version__") = std::string(version());
}
