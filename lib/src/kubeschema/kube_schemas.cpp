// Loading the embedded bundle: each part parsed when first needed (a version's tables when the
// version is loaded, a definition when a kind reaches it), validators and shapes per kind on demand.
#include "jsonschema/valijson_rapidjson.hpp"  // before any RapidJSON header

#include "kubeschema/kube_schemas.hpp"

#include <charconv>
#include <mutex>
#include <set>
#include <unordered_map>

#include "kubeschema/embedded_bundle.hpp"
#include "kubeschema/json_spans.hpp"

namespace chartproof::kubeschema {
namespace {

// The bundle's top-level members, and the span of each schema in its `schemas` array: found once
// per process without parsing them (json_spans.hpp says why); each part is parsed when first used.
struct BundleLayout {
  JsonSpan versions, kinds, definitions, lifecycle;
  std::vector<JsonSpan> schemas;
  BundleLayout() {
    std::string_view json = embedded_bundle();
    JsonSpan all{0, json.size()};
    for (const auto& [name, span] : json_object_members(json, all)) {
      if (name == "versions") versions = span;
      if (name == "kinds") kinds = span;
      if (name == "definitions") definitions = span;
      if (name == "lifecycle") lifecycle = span;
      if (name == "schemas") schemas = json_array_items(json, span);
    }
  }
};

const BundleLayout& layout() {
  static const BundleLayout parts;
  return parts;
}

// One part of the bundle as a document (null when the span is empty or not JSON: a broken bundle
// fails the bundle test).
rapidjson::Document parse_part(JsonSpan span) {
  rapidjson::Document doc;
  std::string_view text = span.in(embedded_bundle());
  if (text.empty() || doc.Parse(text.data(), text.size()).HasParseError()) doc.SetNull();
  return doc;
}

std::string_view str(const rapidjson::Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength()) : "";
}

std::string normalize(std::string_view version) {
  if (!version.empty() && (version.front() == 'v' || version.front() == 'V')) version.remove_prefix(1);
  // 1.30.2 -> 1.30: the API of a minor does not change in patch releases.
  auto first = version.find('.');
  if (first != std::string_view::npos) {
    auto second = version.find('.', first + 1);
    if (second != std::string_view::npos) version = version.substr(0, second);
  }
  return std::string(version);
}

}  // namespace

void open_objects(rapidjson::Value& schema) {
  if (schema.IsArray()) {
    for (auto& item : schema.GetArray()) open_objects(item);
    return;
  }
  if (!schema.IsObject()) return;
  auto closed = schema.FindMember("additionalProperties");
  if (closed != schema.MemberEnd() && closed->value.IsBool() && !closed->value.GetBool()) schema.RemoveMember(closed);
  for (auto& m : schema.GetObject()) open_objects(m.value);
}

int compare_versions(std::string_view a, std::string_view b) {
  auto parse = [](std::string_view v) {
    std::string n = normalize(v);
    int major = 0, minor = 0;
    auto dot = n.find('.');
    if (dot == std::string::npos) return std::pair<int, int>{0, 0};
    std::from_chars(n.data(), n.data() + dot, major);
    std::from_chars(n.data() + dot + 1, n.data() + n.size(), minor);
    return std::pair<int, int>{major, minor};
  };
  auto x = parse(a), y = parse(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const std::vector<std::string>& bundled_versions() {
  static const std::vector<std::string> versions = [] {
    std::vector<std::string> out;
    rapidjson::Document list = parse_part(layout().versions);
    if (list.IsArray()) {
      for (const auto& v : list.GetArray()) out.emplace_back(str(v));
    }
    return out;
  }();
  return versions;
}

const Lifecycle* lifecycle(std::string_view api_version, std::string_view kind) {
  static const std::map<std::string, Lifecycle, std::less<>> table = [] {
    std::map<std::string, Lifecycle, std::less<>> out;
    rapidjson::Document rows = parse_part(layout().lifecycle);
    if (rows.IsArray()) {
      for (const auto& row : rows.GetArray()) {
        if (!row.IsArray() || row.Size() != 5) continue;
        auto field = [&](unsigned i) { return str(row[i]) == "-" ? std::string() : std::string(str(row[i])); };
        out[gvk_key(str(row[0]), str(row[1]))] = Lifecycle{field(2), field(3), field(4)};
      }
    }
    return out;
  }();
  auto it = table.find(gvk_key(api_version, kind));
  return it == table.end() ? nullptr : &it->second;
}

bool VersionSchemas::is_bundled(std::string_view requested) {
  std::string version = normalize(requested);
  const auto& versions = bundled_versions();
  return std::find(versions.begin(), versions.end(), version) != versions.end();
}

std::unique_ptr<const VersionSchemas> VersionSchemas::load(std::string_view requested) {
  if (!is_bundled(requested)) return nullptr;
  return std::make_unique<const VersionSchemas>(normalize(requested));
}

VersionSchemas::VersionSchemas(std::string version)
    : version_(std::move(version)), shape_builder_(shapes_, [this](std::string_view ref) -> const rapidjson::Value* {
        constexpr std::string_view prefix = "#/definitions/";
        return ref.substr(0, prefix.size()) == prefix ? definition(ref.substr(prefix.size())) : nullptr;
      }) {
  std::string_view json = embedded_bundle();
  rapidjson::Document kinds = parse_part(json_member(json, layout().kinds, version_));
  definition_names_ = parse_part(json_member(json, layout().definitions, version_));
  if (!kinds.IsObject() || !definition_names_.IsObject()) return;
  for (const auto& k : kinds.GetObject()) kinds_[std::string(str(k.name))] = std::string(str(k.value));
  for (const auto& d : definition_names_.GetObject()) {  // FindMember would be a linear scan per lookup
    if (d.value.IsUint()) definition_index_.emplace(str(d.name), d.value.GetUint());
  }
}

const rapidjson::Value* VersionSchemas::definition(std::string_view name) const {
  auto index = definition_index_.find(name);
  const auto& schemas = layout().schemas;
  if (index == definition_index_.end() || index->second >= schemas.size()) return nullptr;
  std::lock_guard lock(definitions_mutex_);
  auto [parsed, added] = parsed_definitions_.try_emplace(index->second);
  if (added) parsed->second = parse_part(schemas[index->second]);
  return parsed->second.IsObject() ? &parsed->second : nullptr;
}

namespace {

// Adds every definition reachable from `schema` through `$ref`s to `names` (which holds views of
// the `$ref` texts, alive as long as the definitions `schemas` parsed).
void collect_refs(const rapidjson::Value& schema, const VersionSchemas& schemas,
                  std::map<std::string_view, const rapidjson::Value*>& names) {
  if (schema.IsArray()) {
    for (const auto& item : schema.GetArray()) collect_refs(item, schemas, names);
    return;
  }
  if (!schema.IsObject()) return;
  for (const auto& m : schema.GetObject()) {
    if (str(m.name) == "$ref" && m.value.IsString()) {
      std::string_view name = str(m.value).substr(std::string_view("#/definitions/").size());
      if (names.count(name)) continue;
      const rapidjson::Value* definition = schemas.definition(name);
      if (!definition) continue;
      names.emplace(name, definition);
      collect_refs(*definition, schemas, names);
    } else {
      collect_refs(m.value, schemas, names);
    }
  }
}

}  // namespace

void VersionSchemas::prepare(const std::vector<std::string>& gvks) const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> missing;
  for (const auto& gvk : gvks) {
    if (kinds_.count(gvk) && !validators_.count(gvk) &&
        std::find(missing.begin(), missing.end(), gvk) == missing.end()) {
      missing.push_back(gvk);
    }
  }
  if (missing.empty()) return;
  // One document with the definitions these kinds reach and a root per kind: shared ones parse once.
  std::map<std::string_view, const rapidjson::Value*> reachable;
  for (const auto& gvk : missing) {
    std::string_view name = kinds_.find(gvk)->second;
    if (reachable.count(name)) continue;
    const rapidjson::Value* definition = this->definition(name);
    if (!definition) continue;
    reachable.emplace(name, definition);
    collect_refs(*definition, *this, reachable);
  }
  rapidjson::Document doc;
  auto& alloc = doc.GetAllocator();
  doc.SetObject();
  rapidjson::Value defs(rapidjson::kObjectType);
  for (const auto& [name, definition] : reachable) {
    rapidjson::Value copy(*definition, alloc);
    open_objects(copy);
    defs.AddMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size()), alloc), copy, alloc);
  }
  rapidjson::Value roots(rapidjson::kObjectType);
  for (const auto& gvk : missing) {
    std::string ref = "#/definitions/" + kinds_.find(gvk)->second;
    rapidjson::Value root(rapidjson::kObjectType);
    root.AddMember("$ref", rapidjson::Value(ref.c_str(), alloc), alloc);
    roots.AddMember(rapidjson::Value(gvk.c_str(), alloc), root, alloc);
  }
  doc.AddMember("definitions", defs, alloc);
  doc.AddMember("properties", roots, alloc);
  auto compiled = jsonschema::Schema::compile_roots(std::move(doc), "Kubernetes " + version_ + " schemas");
  if (!compiled) return;  // the bundle test proves every version compiles
  compiled_.push_back(std::make_unique<jsonschema::Schema>(std::move(compiled.value())));
  for (const auto& gvk : missing) validators_[gvk] = compiled_.back().get();
}

std::vector<jsonschema::Violation> VersionSchemas::validate(const std::string& gvk, Node root) const {
  const jsonschema::Schema* schema = nullptr;
  {
    std::lock_guard lock(mutex_);
    if (auto it = validators_.find(gvk); it != validators_.end()) schema = it->second;
  }
  if (!schema) {
    prepare({gvk});
    std::lock_guard lock(mutex_);
    auto it = validators_.find(gvk);
    if (it == validators_.end()) return {};
    schema = it->second;
  }
  return schema->validate_root(gvk, root, /*skip_null_members=*/true);
}

const Shape* VersionSchemas::shape(const std::string& gvk) const {
  auto kind = kinds_.find(gvk);
  if (kind == kinds_.end()) return nullptr;
  std::lock_guard lock(shapes_mutex_);
  if (auto it = kind_shapes_.find(gvk); it != kind_shapes_.end()) return it->second;
  rapidjson::Document start;  // the builder starts from the kind's `$ref`, so the shape is shared
  start.SetObject();
  std::string ref = "#/definitions/" + kind->second;
  start.AddMember("$ref", rapidjson::Value(ref.c_str(), start.GetAllocator()), start.GetAllocator());
  const Shape* built = shape_builder_.build(start);
  kind_shapes_.emplace(gvk, built);
  return built;
}

}  // namespace chartproof::kubeschema
