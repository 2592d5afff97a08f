#include "jsonschema/valijson_rapidjson.hpp"  // before any RapidJSON header

#include "jsonschema/json_schema.hpp"
#include "jsonschema/node_adapter.hpp"
#include "jsonschema/schema_references.hpp"
#include "model/member_index.hpp"

#include <re2/re2.h>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "chartproof/model.hpp"

namespace chartproof::jsonschema {
namespace {

constexpr const char* kRe2Pattern = "x-chartproof-re2-pattern";

// `pattern` evaluated with RE2 (linear time, no stack blow-up), as a valijson custom constraint.
class Re2PatternConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit Re2PatternConstraint(const std::string& pattern) : pattern_(pattern), re_(std::make_shared<RE2>(pattern)) {}

  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    std::string value;
    if (!target.maybeString() || !target.getString(value)) return true;  // `pattern` applies to strings only
    if (RE2::PartialMatch(value, *re_)) return true;
    if (results) results->pushError(context, "value \"" + value + "\" does not match the pattern " + pattern_);
    return false;
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* ptr) const override {
    return new (ptr) Re2PatternConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(Re2PatternConstraint); }
  std::string pattern_;
  std::shared_ptr<RE2> re_;
};

class Re2PatternBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override {
    std::string pattern;
    if (!value.maybeString() || !value.getString(pattern)) throw std::runtime_error("pattern must be a string");
    RE2 check(pattern, RE2::Quiet);
    if (!check.ok())
      throw std::runtime_error("pattern " + pattern + " is not a valid RE2 expression: " + check.error());
    return new Re2PatternConstraint(pattern);
  }
};

// Renames `pattern` keywords to our RE2 keyword; patternProperties would reach std::regex, so it is
// refused. Members of `properties` and `definitions` are names, not keywords (a property may be
// called "pattern" or "patternProperties", as in a CRD's own schema type).
std::string route_patterns(rapidjson::Value& v, rapidjson::Document::AllocatorType& alloc, bool names = false) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) {
      if (auto err = route_patterns(item, alloc); !err.empty()) return err;
    }
  }
  if (!v.IsObject()) return {};
  for (auto& m : v.GetObject()) {
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    if (!names && key == "pattern" && m.value.IsString()) m.name.SetString(kRe2Pattern, alloc);
    if (!names && key == "patternProperties" && m.value.IsObject())
      return "patternProperties is not supported; use pattern on property values";
    bool holds_names = !names && (key == "properties" || key == "definitions");
    if (auto err = route_patterns(m.value, alloc, holds_names); !err.empty()) return err;
  }
  return {};
}

std::string_view unwrap_segment(std::string_view seg) {
  if (seg.size() >= 2 && seg.front() == '[' && seg.back() == ']') return seg.substr(1, seg.size() - 2);
  return seg;
}

// A cleaner wording of valijson's most common messages.
std::string reword(const std::string& d, Node& at, std::string& path) {
  auto quoted_after = [&](std::string_view marker) -> std::string {
    auto p = d.find(marker);
    if (p == std::string::npos) return {};
    auto start = d.find('\'', p + marker.size());
    auto end = start == std::string::npos ? start : d.find('\'', start + 1);
    return end == std::string::npos ? std::string() : d.substr(start + 1, end - start - 1);
  };
  if (d.rfind("Missing required property", 0) == 0)
    return "missing required field \"" + quoted_after("property") + "\"";
  if (d.find("could not be validated using 'properties' or 'additionalProperties'") != std::string::npos) {
    std::string field = d.substr(d.rfind(": '") + 3);
    if (!field.empty() && field.back() == '.') field.pop_back();
    if (!field.empty() && field.back() == '\'') field.pop_back();
    if (Node key = at.key_node(field)) at = key;
    path = append_path_key(path, field);
    return "unknown field \"" + field + "\"";
  }
  if (d.find("'type' constraint") != std::string::npos) {
    return "wrong type: " + std::string(node_type_name(at.type())) + " is not allowed here";
  }
  // "Expected number greater than or equal to 1.000000" -> "must be >= 1"
  static const std::pair<std::string_view, std::string_view> kBounds[] = {
      {"Expected number greater than or equal to ", ">="},
      {"Expected number less than or equal to ", "<="},
      {"Expected number greater than ", ">"},
      {"Expected number less than ", "<"}};
  for (const auto& [prefix, op] : kBounds) {
    if (d.rfind(prefix, 0) != 0) continue;
    std::string bound = d.substr(prefix.size());
    if (!bound.empty() && bound.back() == '.') bound.pop_back();
    if (bound.find('.') != std::string::npos) {
      while (!bound.empty() && bound.back() == '0') bound.pop_back();
      if (!bound.empty() && bound.back() == '.') bound.pop_back();
    }
    std::string value = at.is_scalar() ? std::string(at.text()) + " " : std::string();
    return "value " + value + "must be " + std::string(op) + " " + bound;
  }
  if (d.find("'enum' constraint") != std::string::npos || d.rfind("Failed to match against any enum values", 0) == 0) {
    return "value " + (at.is_scalar() ? "\"" + std::string(at.text()) + "\" " : std::string()) +
           "is not one of the allowed values";
  }
  return d;
}

}  // namespace

namespace {

// rapidjson asserts (and valijson's adapter turns the assertion into an exception, in release builds
// too) on a null pointer even for an empty string: an empty key or value (`? : x`) has one.
rapidjson::Value json_string(std::string_view text, rapidjson::Document::AllocatorType& alloc) {
  return rapidjson::Value(text.data() ? text.data() : "", static_cast<rapidjson::SizeType>(text.size()), alloc);
}

}  // namespace

void to_json(Node node, rapidjson::Value& out, rapidjson::Document::AllocatorType& alloc) {
  switch (node.type()) {
    case NodeType::Null:
      out.SetNull();
      break;
    case NodeType::Bool:
      out.SetBool(*node.as_bool());
      break;
    case NodeType::Int:
      if (auto i = node.as_int())
        out.SetInt64(*i);
      else
        out.SetDouble(node.as_double().value_or(0));
      break;
    case NodeType::Float:
      out.SetDouble(node.as_double().value_or(0));
      break;
    case NodeType::String:
      out = json_string(node.text(), alloc);
      break;
    case NodeType::Sequence:
      out.SetArray();
      for (std::size_t i = 0; i < node.size(); ++i) {
        rapidjson::Value item;
        to_json(node.item(i), item, alloc);
        out.PushBack(item, alloc);
      }
      break;
    case NodeType::Mapping:
      out.SetObject();
      for (std::size_t i = 0; i < node.size(); ++i) {
        rapidjson::Value key = json_string(node.key_at(i).text(), alloc);
        rapidjson::Value value;
        to_json(node.value_at(i), value, alloc);
        out.AddMember(key, value, alloc);
      }
      break;
  }
}

Schema::Schema() : schema_(std::make_unique<valijson::Schema>()) {}
Schema::Schema(Schema&&) noexcept = default;
Schema& Schema::operator=(Schema&&) noexcept = default;
Schema::~Schema() = default;

Expected<Schema> Schema::compile(const rapidjson::Value& source, const std::string& origin) {
  rapidjson::Document copy;  // route_patterns rewrites keywords
  copy.CopyFrom(source, copy.GetAllocator());
  return compile(std::move(copy), origin);
}

Expected<Schema> Schema::compile(rapidjson::Document&& copy, const std::string& origin) {
  return compile(std::move(copy), origin, Trust::Input, nullptr);
}

Expected<Schema> Schema::compile(rapidjson::Document&& copy, const std::string& origin, Trust trust,
                                 std::vector<std::string>* problem_at) {
  // valijson recurses through references when it compiles and when it validates: refuse what would
  // recurse without end, and remember what bounds a validation's recursion.
  ReferenceAnalysis refs = analyse_references(copy);
  if (!refs.problem.empty()) {
    if (problem_at) *problem_at = refs.problem_at;
    std::string where;
    for (const auto& seg : refs.problem_at) where += "/" + seg;
    return Error{origin, 0, 0, "invalid JSON Schema: " + (where.empty() ? "" : "at " + where + ": ") + refs.problem};
  }
  if (trust == Trust::Input && refs.compile_depth > kMaxSchemaRecursion) {
    return Error{origin, 0, 0,
                 "invalid JSON Schema: its references nest too deeply to compile safely (" +
                     std::to_string(refs.ref_targets) + " referenced subschemas, " + std::to_string(json_depth(copy)) +
                     " levels of nesting; at most " + std::to_string(kMaxSchemaRecursion) + " in all)"};
  }
  if (auto err = route_patterns(copy, copy.GetAllocator()); !err.empty()) return Error{origin, 0, 0, err};
  Schema schema;
  schema.longest_chain_ = refs.longest_chain;
  valijson::SchemaParser parser;
  parser.addConstraintBuilder(kRe2Pattern, new Re2PatternBuilder());  // the parser owns and deletes it
  try {
    valijson::adapters::RapidJsonAdapter adapter(copy);
    parser.populateSchema(adapter, *schema.schema_);
  } catch (const std::exception& e) {
    return Error{origin, 0, 0, std::string("invalid JSON Schema: ") + e.what()};
  }
  return schema;
}

Expected<Schema> Schema::compile(Node source, const std::string& file) {
  rapidjson::Document json;
  to_json(source, json, json.GetAllocator());
  std::vector<std::string> at;
  auto compiled = compile(std::move(json), file, Trust::Input, &at);
  if (compiled) return compiled;
  // Walk the problem's path in the YAML tree; its last segment names a key: point at the key.
  Node place = source;
  Node key;
  for (const auto& seg : at) {
    Node next;
    if (place.is_seq()) {
      std::size_t index = 0;
      auto [end, ec] = std::from_chars(seg.data(), seg.data() + seg.size(), index);
      if (ec == std::errc() && end == seg.data() + seg.size() && index < place.size()) next = place.item(index);
      key = {};
    } else {
      key = place.key_node(seg);
      next = place.get(seg);
    }
    if (!next) break;
    place = next;
  }
  Node shown = key ? key : place;
  Error error = compiled.error();
  error.line = shown.line();
  error.column = shown.column();
  return error;
}

Schema Schema::compile_embedded(std::string_view text, const std::string& origin) {
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  auto compiled = compile(std::move(json), origin, Trust::Bundled, nullptr);
  if (!compiled)
    throw std::logic_error("the embedded schema " + origin + " does not compile: " + compiled.error().message);
  return std::move(compiled.value());
}

Expected<Schema> Schema::compile_roots(rapidjson::Document&& source, const std::string& origin) {
  auto schema = compile(std::move(source), origin, Trust::Bundled, nullptr);
  if (!schema) return schema;
  std::map<std::string, const valijson::Subschema*, std::less<>> roots;
  valijson::Subschema::ApplyFunction collect = [&](const valijson::constraints::Constraint& c) {
    if (auto* props = dynamic_cast<const valijson::constraints::PropertiesConstraint*>(&c)) {
      props->applyToProperties(
          [&](const valijson::constraints::PropertiesConstraint::String& name, const valijson::Subschema* sub) {
            roots.emplace(std::string(name.c_str()), sub);
            return true;
          });
    }
    return true;
  };
  schema->schema_->apply(collect);
  schema->roots_ = std::move(roots);
  return schema;
}

bool Schema::has_root(const std::string& root) const { return roots_.count(root) > 0; }

std::vector<Violation> Schema::validate(Node target, bool skip_null_members) const {
  return run(*schema_, target, skip_null_members);
}

std::vector<Violation> Schema::validate_root(const std::string& root, Node target, bool skip_null_members) const {
  auto it = roots_.find(root);
  if (it == roots_.end()) return {};
  return run(*it->second, target, skip_null_members);
}

std::vector<Violation> Schema::run(const valijson::Subschema& schema, Node target, bool skip_null_members) const {
  // Each level of the target may pass through the longest chain of subschemas applied to one value.
  std::size_t depth = target.document() ? target.document()->depth() : 0;
  if ((depth + 1) * (longest_chain_ + 1) > kMaxSchemaRecursion) {
    return {Violation{target, "",
                      "not validated: its document nests " + std::to_string(depth) +
                          " levels deep, too deep to check against this schema (whose subschemas nest " +
                          std::to_string(longest_chain_ + 1) + " to a level; at most " +
                          std::to_string(kMaxSchemaRecursion) + " levels in all)"}};
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  NodeAdapter adapter(NodeRef{target, skip_null_members});
  if (validator.validate(schema, adapter, &results)) return {};
  std::vector<valijson::ValidationResults::Error> errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) errors.push_back(e);
  // valijson repeats a failure at every level above it ("Failed to validate item #0 in array"); those
  // echoes go, so each problem is reported once, where it is (a missing field beside a wrong type too).
  auto echo = [](const std::string& d) {
    return d.rfind("Failed to validate against schema associated with property name", 0) == 0 ||
           d.rfind("Failed to validate item #", 0) == 0 || d.rfind("Cannot validate item #", 0) == 0 ||
           d.rfind("Failed to validate against additional properties schema", 0) == 0;
  };
  std::vector<Violation> out;
  // Each error names its place as a key path. A mapping with many errors (a ConfigMap of 50,000
  // wrongly typed values) would cost a linear key search per error: mappings looked up more than a
  // few times get a key index, so the walk stays linear in the number of errors.
  model::MemberIndex members;
  std::unordered_set<std::string> seen;  // path NUL message: each problem reported once
  for (const auto& err : errors) {
    if (echo(err.description)) continue;
    Node at = target;
    std::string path;
    for (std::size_t i = 1; i < err.context.size(); ++i) {
      std::string_view seg = unwrap_segment(err.context[i]);
      if (at.is_seq()) {
        std::size_t index = 0;
        std::from_chars(seg.data(), seg.data() + seg.size(), index);
        at = at.item(index);
        path += "[" + std::string(seg) + "]";
      } else {
        at = members.get(at, seg);
        path = append_path_key(path, seg);
      }
    }
    if (!at) at = target;
    std::string message = reword(err.description, at, path);
    if (seen.insert(path + '\0' + message).second) out.push_back(Violation{at, path, message});
  }
  return out;
}

}  // namespace chartproof::jsonschema
