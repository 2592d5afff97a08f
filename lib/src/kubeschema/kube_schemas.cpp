// Loading the embedded bundle: one parse per process, one compiled schema set per version used.
#include <valijson/adapters/rapidjson_adapter.hpp>  // before any RapidJSON header (see json_schema.cpp)

#include "kubeschema/kube_schemas.hpp"

#include <charconv>
#include <mutex>
#include <set>
#include <unordered_map>

#include "kubeschema/embedded_bundle.hpp"

namespace chartproof::kubeschema {
namespace {

const rapidjson::Document& bundle() {
  static const rapidjson::Document doc = [] {
    rapidjson::Document d;
    std::string_view bytes = embedded_bundle();
    d.Parse(bytes.data(), bytes.size());
    if (d.HasParseError() || !d.IsObject()) d.SetObject();  // a broken bundle fails the bundle test
    return d;
  }();
  return doc;
}

std::string_view str(const rapidjson::Value& v) {
  return v.IsString() ? std::string_view(v.GetString(), v.GetStringLength()) : "";
}

const rapidjson::Value* member(const rapidjson::Value& v, const char* name) {
  if (!v.IsObject()) return nullptr;
  auto it = v.FindMember(name);
  return it == v.MemberEnd() ? nullptr : &it->value;
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
    if (const auto* list = member(bundle(), "versions"); list && list->IsArray()) {
      for (const auto& v : list->GetArray()) out.emplace_back(str(v));
    }
    return out;
  }();
  return versions;
}

const Lifecycle* lifecycle(std::string_view api_version, std::string_view kind) {
  static const std::map<std::string, Lifecycle, std::less<>> table = [] {
    std::map<std::string, Lifecycle, std::less<>> out;
    if (const auto* rows = member(bundle(), "lifecycle"); rows && rows->IsArray()) {
      for (const auto& row : rows->GetArray()) {
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

VersionSchemas::VersionSchemas(std::string version) : version_(std::move(version)) {
  const rapidjson::Document& b = bundle();
  const auto* kinds = member(*member(b, "kinds"), version_.c_str());
  const auto* definitions = member(*member(b, "definitions"), version_.c_str());
  const auto* schemas = member(b, "schemas");
  if (!kinds || !definitions || !schemas || !schemas->IsArray()) return;
  for (const auto& d : definitions->GetObject()) {  // FindMember would be a linear scan per lookup
    if (d.value.IsUint() && d.value.GetUint() < schemas->Size())
      definitions_.emplace(str(d.name), &(*schemas)[d.value.GetUint()]);
  }
  ShapeBuilder shapes(shapes_, [&](std::string_view ref) -> const rapidjson::Value* {
    constexpr std::string_view prefix = "#/definitions/";
    if (ref.substr(0, prefix.size()) != prefix) return nullptr;
    auto it = definitions_.find(ref.substr(prefix.size()));
    return it == definitions_.end() ? nullptr : it->second;
  });
  std::deque<rapidjson::Document> refs;  // `$ref` values the shape builder starts from
  for (const auto& k : kinds->GetObject()) {
    std::string gvk(str(k.name));
    kinds_[gvk] = std::string(str(k.value));
    auto& start = refs.emplace_back();
    start.SetObject();
    std::string ref = "#/definitions/" + kinds_[gvk];
    start.AddMember("$ref", rapidjson::Value(ref.c_str(), start.GetAllocator()), start.GetAllocator());
    kind_shapes_[gvk] = shapes.build(start);
  }
}

namespace {

// Adds every definition reachable from `schema` through `$ref`s to `names`.
void collect_refs(const rapidjson::Value& schema,
                  const std::unordered_map<std::string_view, const rapidjson::Value*>& defs,
                  std::set<std::string_view>& names) {
  if (schema.IsArray()) {
    for (const auto& item : schema.GetArray()) collect_refs(item, defs, names);
    return;
  }
  if (!schema.IsObject()) return;
  for (const auto& m : schema.GetObject()) {
    if (str(m.name) == "$ref" && m.value.IsString()) {
      std::string_view name = str(m.value).substr(std::string_view("#/definitions/").size());
      auto it = defs.find(name);
      if (it != defs.end() && names.insert(it->first).second) collect_refs(*it->second, defs, names);
    } else {
      collect_refs(m.value, defs, names);
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
  std::set<std::string_view> reachable;
  for (const auto& gvk : missing) {
    auto it = definitions_.find(kinds_.find(gvk)->second);
    if (it != definitions_.end() && reachable.insert(it->first).second)
      collect_refs(*it->second, definitions_, reachable);
  }
  rapidjson::Document doc;
  auto& alloc = doc.GetAllocator();
  doc.SetObject();
  rapidjson::Value defs(rapidjson::kObjectType);
  for (std::string_view name : reachable) {
    rapidjson::Value copy(*definitions_.find(name)->second, alloc);
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
  auto it = kind_shapes_.find(gvk);
  return it == kind_shapes_.end() ? nullptr : it->second;
}

}  // namespace chartproof::kubeschema
