#include "kubeschema/crd_schema.hpp"

#include <algorithm>
#include <string_view>

#include "chartproof/model.hpp"

namespace chartproof::kubeschema {
namespace {

// Keywords forbidden whatever their value, and those forbidden only when not empty (Go's zero value
// is "unset": `definitions: {}` or `id: ""` pass), with the API server's messages.
struct Forbidden {
  std::string_view key;
  bool when_empty;
  std::string_view message;
};
constexpr Forbidden kForbidden[] = {
    {"id", false, "id is not supported"},
    {"additionalItems", true, "additionalItems is not supported"},
    {"patternProperties", false, "patternProperties is not supported"},
    {"definitions", false, "definitions is not supported"},
    {"dependencies", true, "dependencies is not supported"},
    {"$ref", true, "$ref is not supported"},
};

bool empty_value(Node v) {
  return v.is_null() || (v.is_scalar() && v.text().empty()) || ((v.is_map() || v.is_seq()) && v.size() == 0);
}

}  // namespace

std::vector<CrdSchemaProblem> crd_schema_problems(Node root) {
  std::vector<CrdSchemaProblem> out;
  // Where each subschema is, as steps linked to their parent's: a path is rendered only for a
  // problem (a path string per schema node cost a third as much as parsing the corpus sample).
  struct Step {
    std::size_t parent;  ///< index in `steps`, or kRoot
    TrailStep step;
  };
  constexpr std::size_t kRoot = static_cast<std::size_t>(-1);
  std::vector<Step> steps;
  auto step = [&](std::size_t parent, TrailStep t) {
    steps.push_back(Step{parent, t});
    return steps.size() - 1;
  };
  auto path_of = [&](std::size_t at) {
    FieldTrail trail;
    for (; at != kRoot; at = steps[at].parent) trail.push_back(steps[at].step);
    std::reverse(trail.begin(), trail.end());
    return render_trail(trail);
  };
  struct Item {
    Node schema;
    std::size_t at;  ///< the schema's path, in `steps`
  };
  std::vector<Item> work{{root, kRoot}};
  while (!work.empty()) {
    Item it = work.back();
    work.pop_back();
    Node s = it.schema;
    if (!s.is_map()) continue;
    std::vector<Item> children;  // pushed in reverse so that problems come out in document order
    for (std::size_t i = 0; i < s.size(); ++i) {
      Node key = s.key_at(i);
      Node value = s.value_at(i);
      std::string_view name = key.text();
      auto report = [&](Node at, std::string_view message) {
        out.push_back({at, path_of(step(it.at, TrailStep{name})), std::string(message)});
      };
      for (const auto& f : kForbidden) {
        if (name == f.key && (f.when_empty || !empty_value(value))) report(key, f.message);
      }
      if (name == "type" && value.is_string() && value.text() == "null")
        report(value, "type cannot be set to null, use nullable as an alternative");
      if (name == "items" && value.is_seq() && value.size() > 0)
        report(key, "items must be a schema object and not an array");
      // Where subschemas are: the API server validates each of them the same way.
      if (name == "properties" || name == "patternProperties" || name == "definitions" || name == "dependencies") {
        if (!value.is_map()) continue;
        std::size_t keyword = step(it.at, TrailStep{name});
        for (std::size_t k = 0; k < value.size(); ++k)
          children.push_back({value.value_at(k), step(keyword, TrailStep{value.key_at(k).text()})});
      } else if (name == "allOf" || name == "anyOf" || name == "oneOf" || (name == "items" && value.is_seq())) {
        std::size_t keyword = step(it.at, TrailStep{name});
        for (std::size_t k = 0; k < value.size(); ++k)
          children.push_back({value.item(k), step(keyword, TrailStep{{}, k, true})});
      } else if (name == "items" || name == "not" || name == "additionalProperties" || name == "additionalItems") {
        children.push_back({value, step(it.at, TrailStep{name})});
      }
    }
    // Problems of this level come before those below it; children in document order.
    std::reverse(children.begin(), children.end());
    for (auto& c : children) work.push_back(c);
  }
  // A depth-first walk reports a later sibling's subtree after an earlier one's: sort by position.
  std::stable_sort(out.begin(), out.end(), [](const CrdSchemaProblem& a, const CrdSchemaProblem& b) {
    return a.key.line() != b.key.line() ? a.key.line() < b.key.line() : a.key.column() < b.key.column();
  });
  return out;
}

}  // namespace chartproof::kubeschema
