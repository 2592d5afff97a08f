#include "audit_module.hpp"

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <sstream>

#include "chartproof/audit.hpp"
#include "chartproof/finding.hpp"
#include "chartproof/formats.hpp"
#include "chartproof/report.hpp"
#include "core_error.hpp"

namespace py = pybind11;

namespace chartproof::python {
namespace {

py::dict task_dict(const AuditTask& t) {
  py::dict d;
  d["id"] = t.id;
  d["chart"] = t.chart;
  d["environment"] = t.environment;
  d["values"] = t.values_files;
  d["kube_version"] = t.kube_version;
  d["policy"] = t.policy_file;
  return d;
}

AuditTask task_from(const py::dict& d) {
  AuditTask t;
  t.id = d["id"].cast<std::string>();
  t.chart = d["chart"].cast<std::string>();
  t.environment = d["environment"].cast<std::string>();
  t.values_files = d["values"].cast<std::vector<std::string>>();
  t.kube_version = d["kube_version"].cast<std::string>();
  t.policy_file = d["policy"].cast<std::string>();
  return t;
}

// A result as Python sees it: its report as `chartproof lint --format json` and `--format sarif`
// write them ("" for a failed task).
py::dict result_dict(const AuditResult& r) {
  py::dict d;
  d["task"] = task_dict(r.task);
  d["error"] = r.error;
  d["report"] = r.report ? format_json(*r.report) : std::string();
  d["sarif"] = r.report ? format_sarif(*r.report, "") : std::string();
  d["details"] = r.details;
  return d;
}

// A result as a worker hands it back to the client: its report in the interchange form, which
// audit_results reads back into a typed report (chartproof/audit.hpp).
py::dict interchange_dict(const AuditResult& r) {
  py::dict d;
  d["task"] = task_dict(r.task);
  d["error"] = r.error;
  d["report"] = audit_report_interchange(r);
  d["details"] = r.details;
  return d;
}

std::optional<Severity> fail_on_severity(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  auto sev = parse_severity(fail_on);
  if (!sev) throw py::value_error("fail_on must be error, warning, info or never");
  return sev;
}

// The results of an audit, from any engine, with the reports over them.
struct AuditResults {
  std::vector<AuditResult> results;
};

}  // namespace

void bind_audit(py::module_& m) {
  py::class_<AuditMatrix>(m, "AuditMatrix", "An audit matrix file, expanded into its tasks.")
      .def_readonly("file", &AuditMatrix::file)
      .def_readonly("charts", &AuditMatrix::charts)
      .def_property_readonly("tasks",
                             [](const AuditMatrix& matrix) {
                               py::list out;
                               for (const auto& t : matrix.tasks) out.append(task_dict(t));
                               return out;
                             })
      .def(
          "request", [](const AuditMatrix& matrix, const LintRequest& base) { return audit_request(matrix, base); },
          "The request every task starts from: `base` with the matrix's profile, release and namespace.");

  m.def(
      "load_audit_request",
      [](const std::string& path) {
        auto request = load_audit_request(path);
        if (!request) raise(request.error());
        return py::make_tuple(request->matrix, request->scheduler, request->base);
      },
      "(matrix, scheduler, base Request) of an audit request file (policies/schema/audit-request.schema.json); "
      "UsageError at the field that does not match.");

  m.def("load_audit_matrix", [](const std::string& path) {
    auto matrix = load_audit_matrix(path);
    if (!matrix) raise(matrix.error());  // a matrix error is ErrorKind::Usage: UsageError
    return std::move(matrix.value());
  });

  py::class_<AuditResults>(m, "AuditResults", "The results of every task, in task order, and the reports over them.")
      .def_property_readonly("results",
                             [](const AuditResults& a) {
                               py::list out;
                               for (const auto& r : a.results) out.append(result_dict(r));
                               return out;
                             })
      .def_property_readonly("totals",
                             [](const AuditResults& a) {
                               AuditTotals t = audit_totals(a.results);
                               py::dict d;
                               d["tasks"] = t.tasks;
                               d["failed"] = t.failed;
                               d["error"] = t.error;
                               d["warning"] = t.warning;
                               d["info"] = t.info;
                               return d;
                             })
      .def(
          "ok",
          [](const AuditResults& a, const std::string& fail_on) {
            auto sev = fail_on_severity(fail_on);
            return sev ? audit_ok(a.results, *sev) : audit_totals(a.results).failed == 0;
          },
          py::arg("fail_on") = "error")
      .def(
          "to",
          [](const AuditResults& a, const std::string& format) {
            std::ostringstream out;
            if (!write_audit(a.results, format, out)) {
              throw py::value_error("unknown format \"" + format + "\"; formats: " + format_name_list(kFormatAudit));
            }
            return out.str();
          },
          py::arg("format"))
      .def("to_json", [](const AuditResults& a) { return format_audit_json(a.results); })
      .def("to_sarif", [](const AuditResults& a) { return format_audit_sarif(a.results); })
      .def("to_text", [](const AuditResults& a) { return format_audit_summary(a.results); })
      .def("to_html", [](const AuditResults& a) { return format_audit_html(a.results); })
      .def("to_results", [](const AuditResults& a) { return format_audit_results(a.results); });

  m.def(
      "audit_results",
      [](const py::list& dicts) {
        AuditResults out;
        for (const auto& item : dicts) {
          auto d = item.cast<py::dict>();
          auto report = d["report"].cast<std::string>();
          out.results.push_back(audit_result_from_interchange(task_from(d["task"].cast<py::dict>()),
                                                              d["error"].cast<std::string>(), report,
                                                              d["details"].cast<std::vector<std::string>>()));
        }
        return out;
      },
      "Results gathered by another engine (run_audit_task's dicts of task, error, report, details), in task order; "
      "a report that cannot be read back makes its task failed.");

  m.def(
      "run_audit",
      [](const AuditMatrix& matrix, const LintRequest& base, unsigned jobs,
         const std::function<void(std::size_t, std::size_t)>& progress) {
        AuditResults out;
        std::function<void(std::size_t, std::size_t)> report_progress;
        if (progress) {
          report_progress = [&progress](std::size_t done, std::size_t total) {
            py::gil_scoped_acquire acquire;
            progress(done, total);
          };
        }
        py::gil_scoped_release release;
        out.results = run_audit(matrix, base, jobs, report_progress);
        return out;
      },
      py::arg("matrix"), py::arg("base"), py::arg("jobs") = 0, py::arg("progress") = nullptr,
      "The local engine: every task of the matrix, `jobs` at a time, in this process.");

  m.def(
      "run_audit_task",
      [](const py::dict& task, const LintRequest& base, const std::vector<std::pair<std::string, std::string>>& shown) {
        AuditTask t = task_from(task);
        AuditResult r;
        {
          py::gil_scoped_release release;
          r = run_audit_task(t, base, shown);
        }
        return interchange_dict(r);
      },
      py::arg("task"), py::arg("base"), py::arg("shown") = std::vector<std::pair<std::string, std::string>>{},
      "One task, as a worker runs it: `shown` maps where the worker unpacked a path to the matrix's name.");
}

}  // namespace chartproof::python
