#include "kubeschema/shape.hpp"

#include <algorithm>

#include "chartproof/node.hpp"

namespace chartproof::kubeschema {

const Shape* ShapeBuilder::build(const rapidjson::Value& schema, bool crd) {
  if (!schema.IsObject()) return nullptr;
  if (auto ref = schema.FindMember("$ref"); ref != schema.MemberEnd() && ref->value.IsString()) {
    std::string_view target(ref->value.GetString(), ref->value.GetStringLength());
    if (auto it = by_ref_.find(target); it != by_ref_.end()) return it->second;
    const rapidjson::Value* resolved = resolve_(target);
    if (!resolved) return nullptr;
    Shape& shape = store_.emplace_back();
    by_ref_.emplace(std::string(target), &shape);  // before descending: definitions refer to themselves
    if (const Shape* built = build(*resolved, crd)) shape = *built;
    return &shape;
  }
  Shape& shape = store_.emplace_back();
  auto props = schema.FindMember("properties");
  if (props != schema.MemberEnd() && props->value.IsObject()) {
    for (const auto& p : props->value.GetObject()) {
      shape.properties.emplace_back(std::string(p.name.GetString(), p.name.GetStringLength()), build(p.value, crd));
    }
    std::sort(shape.properties.begin(), shape.properties.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  auto additional = schema.FindMember("additionalProperties");
  bool closed_by_schema =
      additional != schema.MemberEnd() && additional->value.IsBool() && !additional->value.GetBool();
  if (additional != schema.MemberEnd() && additional->value.IsObject())
    shape.additional = build(additional->value, crd);
  auto preserve = schema.FindMember("x-kubernetes-preserve-unknown-fields");
  bool preserves = preserve != schema.MemberEnd() && preserve->value.IsBool() && preserve->value.GetBool();
  // Built-in structs are closed by the bundle's additionalProperties: false; a CRD's object with
  // properties is closed unless it preserves unknown fields (or defines additionalProperties).
  shape.closed = !preserves && !shape.additional &&
                 (closed_by_schema || (crd && !shape.properties.empty() && additional == schema.MemberEnd()));
  if (auto items = schema.FindMember("items"); items != schema.MemberEnd()) shape.items = build(items->value, crd);
  if (auto allowed = schema.FindMember("enum"); allowed != schema.MemberEnd() && allowed->value.IsArray()) {
    for (const auto& v : allowed->value.GetArray()) {
      if (v.IsString())
        shape.allowed.emplace_back(v.GetString(), v.GetStringLength());
      else if (v.IsInt64())
        shape.allowed.push_back(std::to_string(v.GetInt64()));
      else if (v.IsBool())
        shape.allowed.emplace_back(v.GetBool() ? "true" : "false");
    }
  }
  if (auto type = schema.FindMember("type"); type != schema.MemberEnd()) {
    if (type->value.IsString()) shape.types.emplace_back(type->value.GetString());
    if (type->value.IsArray()) {
      for (const auto& t : type->value.GetArray()) {
        if (t.IsString()) shape.types.emplace_back(t.GetString());
      }
    }
  }
  return &shape;
}

const Shape* shape_at(const Shape* shape, std::string_view path) {
  if (!shape) return nullptr;
  bool well_formed = walk_path(path, [&](const PathStep& step) {
    if (step.index) {
      shape = shape->items;
    } else {
      shape = shape->has_property(step.key) ? shape->property(step.key) : shape->additional;
    }
    return shape != nullptr;
  });
  return well_formed ? shape : nullptr;
}

}  // namespace chartproof::kubeschema
