#pragma once
// The Python view of a resource graph. A parsed input's Resource and Graph objects keep that input
// alive; the ones a Python rule's check receives live only while the check runs (afterwards they
// raise instead of reading freed memory).

#include <memory>
#include <stdexcept>

#include "chartproof/graph.hpp"

namespace chartproof::python {

/// A graph, and what keeps it valid.
struct GraphRef {
  std::shared_ptr<const void> keep;  ///< owns what `graph` points into (a parsed Input), or null
  const ResourceGraph* graph = nullptr;
  std::shared_ptr<const bool> live;  ///< null: valid while `keep` is; else valid while *live
  const ResourceGraph& get() const {
    if (live && !*live) throw std::runtime_error("this object came from a rule's check and is valid only during it");
    return *graph;
  }
};

struct PyResource {
  GraphRef ref;
  std::size_t index;
  const Resource& get() const { return ref.get().resources().at(index); }
};

struct PyGraph {
  GraphRef ref;
};

}  // namespace chartproof::python
