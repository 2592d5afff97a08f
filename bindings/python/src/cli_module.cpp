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
  m.def("main", [](const std::vector<std::string>& args) {
    py::module_::import("sys").attr("stdout").attr("flush")();
    const char* no_color = std::getenv("NO_COLOR");
    int code = 0;
    {
      py::gil_scoped_release release_gil;
      code = chartproof::cli::run(args, chartproof::cli::Environment{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                                                     no_color != nullptr && *no_color != '\0'});
      std::cout.flush();
    }
    return code;
  });
}
