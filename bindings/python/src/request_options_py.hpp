#pragma once
// The option table (chartproof/request_options.hpp) seen from Python: values converted both ways,
// and the table itself for chartproof's keyword handling, tools/gen-core-stub.py and the stub test.

#include <pybind11/pybind11.h>

#include <string>

#include "chartproof/request_options.hpp"

namespace chartproof::python {

/// A table value as Python sees it: None, bool, str, list of str, int.
pybind11::object option_to_python(const OptionValue& value);

/// A Python value for an option: None (unset, or the default), a bool, a str or os.PathLike, an
/// iterable of those (one str is a list of one), a non-negative int. TypeError or ValueError else.
OptionValue option_from_python(const RequestOption& option, const pybind11::object& value);

/// The table as a list of dicts (name, flags, type, use, help, choices, default), those of
/// `command` only when it is not empty (lint, lint_chart, audit, policy_show).
pybind11::list options_table(const std::string& command);

}  // namespace chartproof::python
