#pragma once
// Chart mode renders a chart twice (the second time under another release name, see
// ChartFolder::probe): rules that compare the renders pair their resources here. Names contain the
// release name, so they cannot pair the two renders; the templates and each resource's position
// among its template's resources can.
#include <map>
#include <string_view>
#include <utility>

#include "chartproof/graph.hpp"
#include "chartproof/parse.hpp"

namespace chartproof::rules {

/// (template, position among that template's resources of `kind`) → resource.
using ByTemplate = std::map<std::pair<std::string_view, std::size_t>, const Resource*>;

/// The resources of `graph` (only those of `file` when not null; only of `kind` when not empty),
/// by template and position.
inline ByTemplate resources_by_template(const ResourceGraph& graph, const SourceFile* file,
                                        std::string_view kind = {}) {
  ByTemplate out;
  std::map<std::string_view, std::size_t> seen;
  for (const Resource& r : graph.resources()) {
    if ((!kind.empty() && r.ref.kind != kind) || (file && r.document->file != file)) continue;
    std::string_view tpl = r.document->template_name;
    out[{tpl, seen[tpl]++}] = &r;
  }
  return out;
}

}  // namespace chartproof::rules
