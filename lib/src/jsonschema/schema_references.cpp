#include "jsonschema/schema_references.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace chartproof::jsonschema {
namespace {

using Value = rapidjson::Value;

std::string_view name_of(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

const Value* member(const Value& object, std::string_view key) {
  if (!object.IsObject()) return nullptr;
  for (const auto& m : object.GetObject()) {
    if (name_of(m.name) == key) return &m.value;
  }
  return nullptr;
}

// One reference token of a JSON Pointer, unescaped as valijson does (~1, ~0, then %XX).
bool decode_token(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
      out += raw[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += raw[i];
    }
  }
  std::string decoded;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '%') {
      decoded += out[i];
      continue;
    }
    if (i + 2 >= out.size()) return false;
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = hex(out[i + 1]), lo = hex(out[i + 2]);
    if (hi < 0 || lo < 0) return false;
    decoded += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  out = std::move(decoded);
  return true;
}

// The value a `$ref` names inside `root`, or null. Only `#` and `#/...` resolve: valijson would
// fetch anything else, and it is given no way to.
const Value* resolve(const Value& root, std::string_view ref) {
  if (ref.empty() || ref.front() != '#') return nullptr;
  std::string_view pointer = ref.substr(1);
  const Value* at = &root;
  std::string token;
  while (!pointer.empty()) {
    if (pointer.front() != '/') return nullptr;
    pointer.remove_prefix(1);
    std::size_t end = std::min(pointer.find('/'), pointer.size());
    if (!decode_token(pointer.substr(0, end), token)) return nullptr;
    pointer.remove_prefix(end);
    if (token.empty()) continue;  // valijson skips empty tokens
    if (at->IsArray()) {
      if (token.find_first_not_of("0123456789") != std::string::npos || token.size() > 9) return nullptr;
      std::size_t index = std::stoul(token);
      if (index >= at->Size()) return nullptr;
      at = &(*at)[static_cast<rapidjson::SizeType>(index)];
    } else {
      at = member(*at, token);
      if (!at) return nullptr;
    }
  }
  return at;
}

struct Edge {
  const Value* to;
  bool same_instance;  ///< applied to the same instance (allOf, $ref, ...), not to a part of it
};

// The subschemas valijson applies from `schema`, in any order: only reachability and chains matter.
void edges_of(const Value& root, const Value& schema, std::vector<Edge>& out, std::string& problem) {
  out.clear();
  if (!schema.IsObject()) return;
  if (const Value* ref = member(schema, "$ref")) {
    // valijson replaces an object holding `$ref` by its target and ignores the other members.
    if (!ref->IsString()) {
      problem = "$ref must be a string";
      return;
    }
    const Value* target = resolve(root, name_of(*ref));
    if (!target) {
      problem = "$ref \"" + std::string(name_of(*ref)) +
                "\" does not name a part of this schema (only references inside it, \"#/...\", are supported)";
      return;
    }
    out.push_back({target, true});
    return;
  }
  auto each_item = [&](const Value* v, bool same) {
    if (v && v->IsArray())
      for (const auto& item : v->GetArray()) out.push_back({&item, same});
  };
  auto each_member = [&](const Value* v, bool same) {
    if (v && v->IsObject())
      for (const auto& m : v->GetObject()) out.push_back({&m.value, same});
  };
  auto one = [&](const Value* v, bool same) {
    if (v && v->IsObject()) out.push_back({v, same});
  };
  for (const auto& m : schema.GetObject()) {
    std::string_view key = name_of(m.name);
    const Value* v = &m.value;
    if (key == "allOf" || key == "anyOf" || key == "oneOf")
      each_item(v, true);
    else if (key == "not" || key == "if" || key == "then" || key == "else")
      one(v, true);
    else if (key == "dependencies")
      each_member(v, true);  // array values (property dependencies) are not objects: skipped by `one`
    else if (key == "properties" || key == "patternProperties")
      each_member(v, false);
    else if (key == "items") {
      one(v, false);
      each_item(v, false);
    } else if (key == "additionalProperties" || key == "additionalItems" || key == "contains" || key == "propertyNames")
      one(v, false);
  }
  // `dependencies` members may be arrays: keep only schemas.
  out.erase(std::remove_if(out.begin(), out.end(), [](const Edge& e) { return !e.to->IsObject(); }), out.end());
}

// The path from `root` to `target` (a value inside it), as segments; iterative.
std::vector<std::string> path_to(const Value& root, const Value* target) {
  struct Frame {
    const Value* v;
    std::string segment;
    std::size_t parent;
  };
  std::vector<Frame> frames{{&root, {}, 0}};
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const Value* v = frames[i].v;
    if (v == target) {
      std::vector<std::string> out;
      for (std::size_t at = i; at != 0; at = frames[at].parent) out.push_back(frames[at].segment);
      std::reverse(out.begin(), out.end());
      return out;
    }
    if (v->IsObject()) {
      for (const auto& m : v->GetObject()) frames.push_back({&m.value, std::string(name_of(m.name)), i});
    } else if (v->IsArray()) {
      for (rapidjson::SizeType k = 0; k < v->Size(); ++k) frames.push_back({&(*v)[k], std::to_string(k), i});
    }
  }
  return {};
}

}  // namespace

std::size_t json_depth(const Value& a) {
  std::size_t deepest = 0;
  std::vector<std::pair<const Value*, std::size_t>> stack{{&a, 0}};
  while (!stack.empty()) {
    auto [v, depth] = stack.back();
    stack.pop_back();
    if (v->IsObject()) {
      deepest = std::max(deepest, depth + 1);
      for (const auto& m : v->GetObject()) stack.push_back({&m.value, depth + 1});
    } else if (v->IsArray()) {
      deepest = std::max(deepest, depth + 1);
      for (const auto& item : v->GetArray()) stack.push_back({&item, depth + 1});
    }
  }
  return deepest;
}

ReferenceAnalysis analyse_references(const Value& root) {
  ReferenceAnalysis out;
  if (!root.IsObject()) return out;
  // Every subschema valijson reaches from the root, with its edges.
  std::unordered_map<const Value*, std::vector<Edge>> graph;
  std::vector<const Value*> order{&root};  // discovery order: the searches below are deterministic
  std::size_t ref_targets = 0;
  {
    std::vector<const Value*> work{&root};
    graph[&root];
    std::vector<Edge> edges;
    while (!work.empty()) {
      const Value* v = work.back();
      work.pop_back();
      edges_of(root, *v, edges, out.problem);
      if (!out.problem.empty()) {
        out.problem_at = path_to(root, v);
        out.problem_at.push_back("$ref");
        return out;
      }
      bool is_ref = member(*v, "$ref") != nullptr;
      for (const Edge& e : edges) {
        if (graph.try_emplace(e.to).second) {
          work.push_back(e.to);
          order.push_back(e.to);
          if (is_ref) ++ref_targets;
        }
      }
      graph[v] = edges;
    }
  }
  // A same-instance edge back to a subschema on an iterative depth-first search's path is a cycle
  // that consumes nothing.
  enum class State : std::uint8_t { Unseen, Open, Done };
  std::unordered_map<const Value*, State> state;
  for (const Value* start : order) {
    if (state[start] == State::Done) continue;
    struct Frame {
      const Value* v;
      std::size_t next_edge;
    };
    std::vector<Frame> path{{start, 0}};
    state[start] = State::Open;
    while (!path.empty()) {
      Frame& f = path.back();
      const auto& edges = graph[f.v];
      if (f.next_edge == edges.size()) {
        state[f.v] = State::Done;
        path.pop_back();
        continue;
      }
      const Edge& e = edges[f.next_edge++];
      if (!e.same_instance) continue;
      State& to = state[e.to];
      if (to == State::Unseen) {
        to = State::Open;
        path.push_back({e.to, 0});
      } else if (to == State::Open) {
        // The cycle runs from e.to along the path to f.v; it holds a `$ref` (a tree has no cycles):
        // name the last one, the reference that closes it.
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
          if (const Value* ref = member(*it->v, "$ref")) {
            out.problem = "$ref \"" + std::string(name_of(*ref)) +
                          "\" makes the schema apply itself to the same value without end (a reference cycle "
                          "through allOf, anyOf, oneOf, not or $ref consumes no input)";
            out.problem_at = path_to(root, it->v);
            out.problem_at.push_back("$ref");
            return out;
          }
          if (it->v == e.to) break;
        }
      }
    }
  }
  // With no cycle, the longest chains are a longest-path problem on a DAG: settle them children
  // before parents (Kahn's order).
  {
    std::unordered_map<const Value*, std::size_t> pending;  // same-instance edges not yet settled
    std::unordered_map<const Value*, std::vector<const Value*>> parents;
    std::unordered_map<const Value*, std::size_t> chain;
    for (const auto& [v, edges] : graph) {
      pending[v];
      for (const Edge& e : edges) {
        if (!e.same_instance) continue;
        ++pending[v];
        parents[e.to].push_back(v);
      }
    }
    std::vector<const Value*> ready;
    for (const auto& [v, count] : pending) {
      if (count == 0) ready.push_back(v);
    }
    while (!ready.empty()) {
      const Value* v = ready.back();
      ready.pop_back();
      out.longest_chain = std::max(out.longest_chain, chain[v]);
      for (const Value* p : parents[v]) {
        chain[p] = std::max(chain[p], chain[v] + 1);
        if (--pending[p] == 0) ready.push_back(p);
      }
    }
  }
  // Compiling recurses through every subschema once (valijson caches them): along tree edges at
  // most the document's depth, and each reference target starts one more such descent.
  out.ref_targets = ref_targets;
  out.compile_depth = (ref_targets + 1) * (json_depth(root) + 1);
  return out;
}

}  // namespace chartproof::jsonschema
