#pragma once
// chartproof._core's fleet-audit functions: matrix files, one task (what a Dask worker runs), the
// local engine, and the reports over the results.

#include <pybind11/pybind11.h>

namespace chartproof::python {

void bind_audit(pybind11::module_& m);

}  // namespace chartproof::python
