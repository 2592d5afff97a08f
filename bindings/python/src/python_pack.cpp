// Python rules as library rules. A check runs with the GIL held (the linter's threads take turns),
// sees the resource and the run's graph through objects that expire when it returns, and reports
// at a field path, located like a built-in finding.
#include "python_pack.hpp"

#include <pybind11/stl.h>

#include "graph_view.hpp"

namespace py = pybind11;

namespace chartproof::python {
namespace {

constexpr const char* kCatalogueCapsule = "chartproof.RuleCatalogue";

// A py::object that is released with the GIL held, whichever thread drops the last reference.
std::shared_ptr<py::object> hold(py::object o) {
  return std::shared_ptr<py::object>(new py::object(std::move(o)), [](py::object* p) {
    py::gil_scoped_acquire gil;
    delete p;
  });
}

py::object param_to_python(const ParamValue& v) {
  return std::visit([](const auto& x) -> py::object { return py::cast(x); }, v);
}

ParamValue param_from_python(const std::string& rule, const std::string& name, const py::handle& v) {
  if (py::isinstance<py::bool_>(v)) return v.cast<bool>();
  if (py::isinstance<py::int_>(v)) return v.cast<std::int64_t>();
  if (py::isinstance<py::str>(v)) return v.cast<std::string>();
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) return v.cast<std::vector<std::string>>();
  throw py::type_error("rule \"" + rule + "\": parameter \"" + name +
                       "\" must default to an int, str, bool or list of str");
}

/// What a Python check may use: the graph, its parameters, and report().
struct Context {
  GraphRef ref;
  const Resource* resource;
  Reporter* out;
  py::dict params;
  void report(const std::string& path, std::string message) const {
    ref.get();  // raises once the check has returned
    Node at = path.empty() ? resource->root : resource->root.at_path(path);
    // A path that is not in the tree (a missing field) is reported at the object.
    out->report(*resource, Field{at ? at : resource->root, path}, std::move(message));
  }
};

class PythonRule : public Rule {
 public:
  PythonRule(std::shared_ptr<py::object> rule, const Params& params, std::shared_ptr<CheckFailure> failure,
             std::string id)
      : rule_(std::move(rule)), params_(params_dict(params)), failure_(std::move(failure)), id_(std::move(id)) {}

  void check(const Resource& r, const RuleContext& ctx, Reporter& out) const override {
    py::gil_scoped_acquire gil;
    if (failure_->failed()) return;  // the run is already an error
    auto live = std::make_shared<bool>(true);
    GraphRef ref{nullptr, &ctx.graph, live};
    // A copy of the converted parameters: a check that changes ctx.params changes only its own.
    Context context{ref, &r, &out, py::reinterpret_steal<py::dict>(PyDict_Copy(params_->ptr()))};
    try {
      rule_->attr("check")(PyResource{ref, r.index}, py::cast(&context, py::return_value_policy::reference));
    } catch (py::error_already_set& e) {
      failure_->record("rule \"" + id_ + "\" raised on " + r.describe() + ": " + e.what());
    }
    *live = false;
  }

 private:
  std::shared_ptr<py::object> rule_;
  // Built once per rule instance (the linter may create it with the GIL released), not per check.
  static std::shared_ptr<py::object> params_dict(const Params& params) {
    py::gil_scoped_acquire gil;
    py::dict d;
    for (const auto& [name, value] : params.values()) d[py::str(name)] = param_to_python(value);
    return hold(std::move(d));
  }

  std::shared_ptr<py::object> params_;
  std::shared_ptr<CheckFailure> failure_;
  std::string id_;
};

std::string text_attr(const py::object& o, const char* name) {
  py::object v = py::getattr(o, name, py::none());
  return v.is_none() ? std::string() : py::str(v).cast<std::string>();
}

RuleDefinition definition_of(const py::object& rule, const std::shared_ptr<CheckFailure>& failure) {
  RuleMeta meta;
  meta.id = text_attr(rule, "id");
  meta.pack = text_attr(rule, "pack");
  std::string severity = text_attr(rule, "severity");
  auto parsed = parse_severity(severity.empty() ? "warning" : severity);
  if (!parsed) throw py::value_error("rule \"" + meta.id + "\": severity must be error, warning or info");
  meta.severity = *parsed;
  meta.enabled_by_default = py::getattr(rule, "enabled_by_default", py::bool_(true)).cast<bool>();
  meta.kinds = py::getattr(rule, "kinds", py::list()).cast<std::vector<std::string>>();
  meta.summary = text_attr(rule, "summary");
  meta.rationale = text_attr(rule, "rationale");
  meta.remediation = text_attr(rule, "remediation");
  py::dict params = py::getattr(rule, "params", py::dict());
  py::dict descriptions = py::getattr(rule, "param_descriptions", py::dict());
  for (const auto& [name, value] : params) {
    std::string n = py::str(name).cast<std::string>();
    std::string description = descriptions.contains(name) ? py::str(descriptions[name]).cast<std::string>() : "";
    meta.params.push_back(ParamSpec{n, description, param_from_python(meta.id, n, value)});
  }
  auto held = hold(rule);
  std::string id = meta.id;
  return RuleDefinition{std::move(meta), [held, failure, id](const Params& p) {
                          return std::make_unique<PythonRule>(held, p, failure, id);
                        }};
}

}  // namespace

void bind_packs(py::module_& m) {
  py::class_<Context>(m, "Context", "What a Python rule's check may use: graph, params and report(path, message).")
      .def_property_readonly("graph", [](const Context& c) { return PyGraph{c.ref}; })
      .def_readonly("params", &Context::params)
      .def("report", &Context::report, py::arg("path"), py::arg("message"),
           "Reports a finding at a field path of the resource (`spec.template.spec.containers[0].image`).");

  py::class_<PyCatalogue>(m, "Catalogue", "The built-in rules and the given packs (chartproof.RulePack).")
      .def("take_failure", [](PyCatalogue& c) { return c.failure->take(); })
      // For chartproof._cli (a separate extension module): the catalogue as an opaque capsule.
      .def("capsule", [](const PyCatalogue& c) {
        return py::capsule(new std::shared_ptr<const RuleCatalogue>(c.catalogue), kCatalogueCapsule, [](PyObject* o) {
          delete static_cast<std::shared_ptr<const RuleCatalogue>*>(PyCapsule_GetPointer(o, kCatalogueCapsule));
        });
      });

  // packs: [(name, [rule objects], {profile name: policy text})]
  m.def("catalogue",
        [](const std::vector<std::tuple<std::string, std::vector<py::object>, std::map<std::string, std::string>>>&
               specs) {
          auto failure = std::make_shared<CheckFailure>();
          std::vector<RulePack> packs;
          for (const auto& [name, rules, profiles] : specs) {
            RulePack pack{name, {}, profiles};
            for (const auto& rule : rules) pack.rules.push_back(definition_of(rule, failure));
            packs.push_back(std::move(pack));
          }
          auto catalogue = RuleCatalogue::create(std::move(packs));
          if (!catalogue) throw py::value_error(catalogue.error().message);
          return PyCatalogue{catalogue.value(), failure};
        });
}

}  // namespace chartproof::python
