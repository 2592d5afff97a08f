// valijson's RapidJSON adapter must come before any RapidJSON header.
#include "jsonschema/valijson_rapidjson.hpp"  // before any RapidJSON header

#include "kubeschema/schemas.hpp"

#include <algorithm>
#include <filesystem>

#include "chartproof/parse.hpp"
#include "io/read_file.hpp"
#include "kubeschema/crd_schema.hpp"
#include "kubeschema/schema_reach.hpp"

namespace chartproof {
namespace fs = std::filesystem;
using kubeschema::CustomSchema;
using kubeschema::CustomSchemas;
using kubeschema::schemas_of_crd;
namespace {

// A CRD's OpenAPI v3 schema as valijson reads it: `nullable: true` allows null,
// `x-kubernetes-int-or-string: true` allows an integer or a string, and a required field with a
// `default` is not required (the API server defaults before it validates). Members of `properties`
// are names, not keywords. Descriptions go: they do not validate anything, and in the large CRDs
// of operators they are most of the members valijson's schema parser scans for each keyword.
void adapt_crd_schema(rapidjson::Value& v, rapidjson::Document::AllocatorType& alloc, bool names = false) {
  if (v.IsArray()) {
    for (auto& item : v.GetArray()) adapt_crd_schema(item, alloc);
    return;
  }
  if (!v.IsObject()) return;
  if (!names) {
    // One scan finds the keywords (a CRD has tens of thousands of schema objects; a lookup per
    // keyword scanned each object's members six times).
    constexpr rapidjson::SizeType kNone = ~rapidjson::SizeType{0};
    rapidjson::SizeType description = kNone, required = kNone, props = kNone, type = kNone;
    bool int_or_string = false, nullable = false;
    rapidjson::SizeType i = 0;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it, ++i) {
      std::string_view key(it->name.GetString(), it->name.GetStringLength());
      if (key == "description")
        description = i;
      else if (key == "required")
        required = i;
      else if (key == "properties")
        props = i;
      else if (key == "type")
        type = i;
      else if (key == "x-kubernetes-int-or-string")
        int_or_string = it->value.IsBool() && it->value.GetBool();
      else if (key == "nullable")
        nullable = it->value.IsBool() && it->value.GetBool();
    }
    auto at = [&](rapidjson::SizeType index) -> rapidjson::Value& { return (v.MemberBegin() + index)->value; };
    if (required != kNone && props != kNone && at(required).IsArray() && at(props).IsObject()) {
      rapidjson::Value& properties = at(props);
      rapidjson::Value kept(rapidjson::kArrayType);
      for (auto& name : at(required).GetArray()) {
        auto prop = name.IsString() ? properties.FindMember(name) : properties.MemberEnd();
        bool defaulted = prop != properties.MemberEnd() && prop->value.IsObject() && prop->value.HasMember("default");
        if (!defaulted) kept.PushBack(rapidjson::Value(name, alloc), alloc);
      }
      at(required) = kept;
    }
    if (int_or_string) {
      rapidjson::Value types(rapidjson::kArrayType);
      types.PushBack("integer", alloc).PushBack("string", alloc);
      if (type != kNone) {
        at(type) = types;
      } else {
        v.AddMember("type", types, alloc);
        type = v.MemberCount() - 1;
      }
    }
    if (nullable && type != kNone) {
      rapidjson::Value& t = at(type);
      if (t.IsString()) {
        rapidjson::Value types(rapidjson::kArrayType);
        types.PushBack(rapidjson::Value(t, alloc), alloc).PushBack("null", alloc);
        t = types;
      } else if (t.IsArray()) {
        t.PushBack("null", alloc);
      }
    }
    // Last: erasing shifts the members after it, which the indices above point at.
    if (description != kNone) v.EraseMember(v.MemberBegin() + description);
  }
  for (auto& m : v.GetObject()) {
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    adapt_crd_schema(m.value, alloc, !names && (key == "properties" || key == "definitions"));
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// Every CRD and JSON Schema (with x-kubernetes-group-version-kind) in the folders' YAML and JSON files.
Expected<CustomSchemas> load_schema_dirs(const std::vector<std::string>& dirs,
                                         std::vector<std::shared_ptr<const Document>>& documents) {
  CustomSchemas out;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{dir, 0, 0, "--schema-dir: not a folder"};
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
      auto ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      auto text = io::read_file(path);
      if (!text) return Error{path.string(), 0, 0, "--schema-dir: cannot read the file: " + text.error().message};
      SourceFile file{path.string(), std::move(text.value())};
      for (const auto& doc : parse_file(file)) {
        if (!doc.tree) {
          std::string why = doc.issues.empty() ? "cannot be read" : doc.issues.front().message;
          return Error{file.path, doc.issues.empty() ? 0 : doc.issues.front().line, 0, "--schema-dir: " + why};
        }
        Node root = doc.tree->root();
        documents.push_back(doc.tree);
        if (root.get_text("kind") == "CustomResourceDefinition") {
          for (auto& [gvk, schema] : schemas_of_crd(root, file.path)) out[gvk] = schema;
        } else if (Node gvks = root.get("x-kubernetes-group-version-kind"); gvks.is_seq() && gvks.size() > 0) {
          Node g = gvks.item(0);
          std::string group(g.get_text("group"));
          std::string api_version =
              group.empty() ? std::string(g.get_text("version")) : group + "/" + std::string(g.get_text("version"));
          auto schema = std::make_shared<const CustomSchema>(file.path, root, false);
          if (!schema->validator()) return Error{file.path, 0, 0, "--schema-dir: " + schema->problem()};
          out[kubeschema::gvk_key(api_version, g.get_text("kind"))] = schema;
        }
      }
    }
  }
  return out;
}

}  // namespace

namespace kubeschema {

void CustomSchema::compile() const {
  std::call_once(once_, [this] {
    if (!source_.is_map()) return;
    if (crd_) {
      auto problems = crd_schema_problems(source_);
      if (!problems.empty()) {
        refused_ = true;
        problem_ =
            "the API server refuses its schema (" + problems.front().path + ": " + problems.front().message + ")";
        return;
      }
    }
    rapidjson::Document json;
    jsonschema::to_json(source_, json, json.GetAllocator());
    if (crd_) adapt_crd_schema(json, json.GetAllocator());
    ShapeBuilder shapes(shapes_, [](std::string_view) -> const rapidjson::Value* { return nullptr; });
    root_ = shapes.build(json, crd_);
    if (instances_) {
      SchemaReach reach;
      for (const Resource* r : instances_->all_of_kind(kind_)) {
        if (r->ref.api_version == api_version_) reach.add(r->root);
      }
      reach.prune(json);
    }
    open_objects(json);
    if (auto compiled = jsonschema::Schema::compile(std::move(json), origin_))
      validator_.emplace(std::move(compiled.value()));
    else
      problem_ = compiled.error().message;  // left unvalidated; --schema-dir refuses such a file
  });
}

CustomSchemas schemas_of_crd(Node crd, const std::string& origin, const ResourceGraph* instances) {
  CustomSchemas out;
  Node spec = crd.get("spec");
  std::string group(spec.get_text("group"));
  std::string_view kind = spec.get("names").get_text("kind");
  if (group.empty() || kind.empty()) return out;
  Node shared = spec.get("validation").get("openAPIV3Schema");  // v1beta1: one schema for every version
  Node versions = spec.get("versions");
  auto add = [&](std::string_view version, Node schema) {
    std::string api_version = group + "/" + std::string(version);
    out[kubeschema::gvk_key(api_version, kind)] =
        std::make_shared<const CustomSchema>(origin, schema, true, instances, api_version, std::string(kind));
  };
  for (std::size_t i = 0; i < versions.size(); ++i) {
    Node v = versions.item(i);
    Node schema = v.get("schema").get("openAPIV3Schema");
    add(v.get_text("name"), schema ? schema : shared);
  }
  if (versions.size() == 0 && !spec.get_text("version").empty()) add(spec.get_text("version"), shared);
  return out;
}

}  // namespace kubeschema

Expected<std::shared_ptr<const SchemaCatalogue>> SchemaCatalogue::load(const std::string& requested,
                                                                       const std::vector<std::string>& schema_dirs) {
  const auto& versions = kubeschema::bundled_versions();
  std::string version = requested.empty() && !versions.empty() ? versions.back() : requested;
  auto schemas = kubeschema::VersionSchemas::load(version);
  if (!schemas) {
    return Error{"", 0, 0, "no schemas for Kubernetes " + requested + "; bundled versions: " + join(versions)};
  }
  std::vector<std::shared_ptr<const Document>> documents;
  auto from_dirs = load_schema_dirs(schema_dirs, documents);
  if (!from_dirs) return from_dirs.error();
  return std::make_shared<const SchemaCatalogue>(std::move(schemas), std::move(from_dirs.value()),
                                                 std::move(documents));
}

SchemaCatalogue::SchemaCatalogue(std::unique_ptr<const kubeschema::VersionSchemas> target, CustomSchemas from_dirs,
                                 std::vector<std::shared_ptr<const Document>> dir_documents)
    : target_(std::move(target)), from_dirs_(std::move(from_dirs)), dir_documents_(std::move(dir_documents)) {}

const kubeschema::VersionSchemas& SchemaCatalogue::newest() const {
  const auto& versions = kubeschema::bundled_versions();
  if (versions.empty() || versions.back() == target_->version()) return *target_;
  std::call_once(newest_once_, [&] { newest_ = kubeschema::VersionSchemas::load(versions.back()); });
  return newest_ ? *newest_ : *target_;
}

Schemas::Schemas(const SchemaCatalogue& catalogue, const ResourceGraph& graph) : catalogue_(catalogue) {
  std::vector<std::string> kinds;
  for (const Resource& r : graph.resources()) {
    std::string gvk = kubeschema::gvk_key(r.ref.api_version, r.ref.kind);
    if (catalogue_.builtin().serves(gvk) && std::find(kinds.begin(), kinds.end(), gvk) == kinds.end())
      kinds.push_back(gvk);
  }
  catalogue_.builtin().prepare(kinds);
  for (const Resource* r : graph.all_of_kind("CustomResourceDefinition")) {
    // The run's CRDs validate only the run's objects: compiled from what those objects reach.
    for (auto& [gvk, schema] : schemas_of_crd(r->root, "CustomResourceDefinition " + r->ref.name, &graph))
      crds_[gvk] = schema;
  }
}

kubeschema::SchemaFor Schemas::schema_for(const Resource& r) const {
  kubeschema::SchemaFor out;
  out.gvk = kubeschema::gvk_key(r.ref.api_version, r.ref.kind);
  if (catalogue_.builtin().serves(out.gvk)) {
    out.builtin = &catalogue_.builtin();
    return out;
  }
  if (auto it = crds_.find(out.gvk); it != crds_.end()) {
    out.custom = it->second;
  } else if (auto dir = catalogue_.from_dirs().find(out.gvk); dir != catalogue_.from_dirs().end()) {
    out.custom = dir->second;
  }
  return out;
}

}  // namespace chartproof
