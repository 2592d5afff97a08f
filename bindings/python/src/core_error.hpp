#pragma once
// A user-caused library error on its way to Python: thrown as CoreError, raised as
// chartproof.<kind> (InputError, PolicyError, ChartError, UsageError…) by the exception translator
// module.cpp registers, so every binding of _core raises the same classes the same way.

#include <string>
#include <utility>

#include "chartproof/error.hpp"

namespace chartproof::python {

struct CoreError {
  std::string kind;
  Error error;
};

[[noreturn]] inline void raise(std::string kind, const Error& e) { throw CoreError{std::move(kind), e}; }

// The Python exception class of each library error kind: the same kinds the CLI reports with exit 2.
[[noreturn]] inline void raise(const Error& e) {
  switch (e.kind) {
    case ErrorKind::Input:
      raise("InputError", e);
    case ErrorKind::Policy:
      raise("PolicyError", e);
    case ErrorKind::Chart:
      raise("ChartError", e);
    case ErrorKind::Usage:
      raise("UsageError", e);
  }
  raise("Error", e);
}

}  // namespace chartproof::python
