// chartproof._cli: the `chartproof` console script, i.e. the C++ CLI writing to the process's own
// stdout and stderr. A module of its own so the library binding (_core) never includes the CLI.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "app.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_cli, m) {
  m.doc() = "chartproof command line (C++): run `chartproof --help`";
  // `catalogue`: chartproof._core.Catalogue.capsule() of the --pack rule packs, or None.
  m.def(
      "main",
      [](const std::vector<std::string>& args, const py::object& catalogue) {
        py::module_::import("sys").attr("stdout").attr("flush")();
        const char* no_color = std::getenv("NO_COLOR");
        chartproof::cli::Environment env{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                         no_color != nullptr && *no_color != '\0'};
        env.stderr_is_terminal = isatty(STDERR_FILENO) == 1;
        env.pack_option = true;  // __main__ takes --pack before these arguments
        if (!catalogue.is_none()) {
          auto capsule = catalogue.cast<py::capsule>();
          env.catalogue = *static_cast<std::shared_ptr<const chartproof::RuleCatalogue>*>(
              PyCapsule_GetPointer(capsule.ptr(), "chartproof.RuleCatalogue"));
        }
        int code = 0;
        {
          py::gil_scoped_release release_gil;
          code = chartproof::cli::run(args, env);
          std::cout.flush();
        }
        return code;
      },
      py::arg("args"), py::arg("catalogue") = py::none());
}
