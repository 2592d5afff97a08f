#pragma once
// Rule packs written in Python: chartproof.Rule subclasses become RuleDefinitions whose check calls
// the Python object, so they run beside the built-in rules in one catalogue.

#include <pybind11/pybind11.h>

#include <memory>
#include <mutex>
#include <string>

#include "chartproof/rule_pack.hpp"

namespace chartproof::python {

/// The first exception a Python check raised during a run: the run is then an error, never a pass.
class CheckFailure {
 public:
  void record(std::string message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (message_.empty()) message_ = std::move(message);
  }
  std::string take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(message_, std::string());
  }
  bool failed() {
    std::lock_guard<std::mutex> lock(mutex_);
    return !message_.empty();
  }

 private:
  std::mutex mutex_;
  std::string message_;
};

/// A catalogue with Python packs, and where their checks' exceptions go.
struct PyCatalogue {
  std::shared_ptr<const RuleCatalogue> catalogue;
  std::shared_ptr<CheckFailure> failure;
};

/// Binds chartproof._core.Context and chartproof._core.catalogue(packs).
void bind_packs(pybind11::module_& m);

}  // namespace chartproof::python
