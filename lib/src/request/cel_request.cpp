// `chartproof cel`: one expression over a YAML object (evaluate_cel), and the typed JSON protocol
// the conformance runner speaks (cel_conformance_answer).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cmath>
#include <limits>

#include "cel/eval.hpp"
#include "cel/parser.hpp"
#include "cel/time.hpp"
#include "chartproof/cel.hpp"
#include "chartproof/parse.hpp"
#include "io/read_file.hpp"
#include "model/cel_values.hpp"
#include "rules/target_version.hpp"

namespace chartproof {
namespace {

// The first document of a YAML or JSON file, as a CEL value.
Expected<cel::Value> load_value(const std::string& path, std::vector<std::unique_ptr<SourceFile>>& keep,
                                std::vector<std::vector<ParsedDocument>>& docs) {
  auto text = io::read_file(path);
  if (!text) return Error{path, 0, 0, "cannot read the file"};
  keep.push_back(std::make_unique<SourceFile>(SourceFile{path, std::move(*text)}));
  docs.push_back(parse_file(*keep.back()));
  for (const auto& d : docs.back()) {
    for (const auto& issue : d.issues) {
      if (issue.kind == ParseIssue::Kind::InvalidYaml) return Error{path, issue.line, issue.column, issue.message};
    }
    if (d.tree) return to_cel(d.tree->root());
  }
  return Error{path, 0, 0, "the file holds no YAML document"};
}

std::optional<cel::Value> from_json(const rapidjson::Value& j);

std::optional<cel::Value> from_json_typed(const rapidjson::Value& j) {
  if (!j.IsObject() || j.MemberCount() != 1) return std::nullopt;
  const auto& m = *j.MemberBegin();
  std::string kind = m.name.GetString();
  const rapidjson::Value& v = m.value;
  if (kind == "null") return cel::Value(cel::Null{});
  if (kind == "bool" && v.IsBool()) return cel::Value(v.GetBool());
  if ((kind == "int64" || kind == "uint64") && v.IsString()) {
    const std::string_view text(v.GetString(), v.GetStringLength());
    if (kind == "int64") {
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
      return cel::Value(n);
    }
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return cel::Value(n);
  }
  if (kind == "double") {
    if (v.IsNumber()) return cel::Value(v.GetDouble());
    std::string s = v.IsString() ? v.GetString() : "";
    if (s == "NaN") return cel::Value(std::nan(""));
    if (s == "Infinity") return cel::Value(std::numeric_limits<double>::infinity());
    if (s == "-Infinity") return cel::Value(-std::numeric_limits<double>::infinity());
    return std::nullopt;
  }
  if (kind == "string" && v.IsString()) return cel::Value(std::string(v.GetString(), v.GetStringLength()));
  if (kind == "bytes" && v.IsString()) {
    std::string hex = v.GetString(), out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      unsigned byte = 0;
      auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
      if (ec != std::errc() || end != hex.data() + i + 2) return std::nullopt;
      out += static_cast<char>(byte);
    }
    return cel::Value(cel::Bytes{out});
  }
  if (kind == "type" && v.IsString()) return cel::Value(cel::TypeName{v.GetString()});
  if (kind == "list" && v.IsArray()) {
    cel::List out;
    for (const auto& item : v.GetArray()) {
      auto x = from_json(item);
      if (!x) return std::nullopt;
      out.push_back(std::move(*x));
    }
    return cel::Value(std::move(out));
  }
  if (kind == "map" && v.IsArray()) {
    cel::MapEntries out;
    for (const auto& pair : v.GetArray()) {
      if (!pair.IsArray() || pair.Size() != 2) return std::nullopt;
      auto k = from_json(pair[0]), x = from_json(pair[1]);
      if (!k || !x) return std::nullopt;
      out.emplace_back(std::move(*k), std::move(*x));
    }
    return cel::Value(std::move(out));
  }
  if (kind == "optional") {
    if (v.IsNull()) return cel::Value(cel::Optional{});
    auto x = from_json(v);
    if (!x) return std::nullopt;
    return cel::Value(cel::Optional{std::make_shared<const cel::Value>(std::move(*x))});
  }
  return std::nullopt;
}

std::optional<cel::Value> from_json(const rapidjson::Value& j) { return from_json_typed(j); }

void to_json(const cel::Value& v, rapidjson::Writer<rapidjson::StringBuffer>& w) {
  w.StartObject();
  if (v.as<cel::Null>()) {
    w.Key("null");
    w.Null();
  } else if (auto b = v.as<bool>()) {
    w.Key("bool");
    w.Bool(*b);
  } else if (auto i = v.as<std::int64_t>()) {
    w.Key("int64");
    w.String(std::to_string(*i).c_str());
  } else if (auto u = v.as<std::uint64_t>()) {
    w.Key("uint64");
    w.String(std::to_string(*u).c_str());
  } else if (auto d = v.as<double>()) {
    w.Key("double");
    if (std::isnan(*d))
      w.String("NaN");
    else if (std::isinf(*d))
      w.String(*d > 0 ? "Infinity" : "-Infinity");
    else
      w.Double(*d);
  } else if (auto s = v.as<std::string>()) {
    w.Key("string");
    w.String(s->c_str(), static_cast<rapidjson::SizeType>(s->size()));
  } else if (auto by = v.as<cel::Bytes>()) {
    w.Key("bytes");
    static const char* digits = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : by->data) {
      hex += digits[c >> 4];
      hex += digits[c & 15];
    }
    w.String(hex.c_str());
  } else if (auto t = v.as<cel::TypeName>()) {
    w.Key("type");
    w.String(t->name.c_str());
  } else if (auto l = v.list()) {
    w.Key("list");
    w.StartArray();
    for (const auto& x : *l) to_json(x, w);
    w.EndArray();
  } else if (auto m = v.map()) {
    w.Key("map");
    w.StartArray();
    for (const auto& [k, x] : *m) {
      w.StartArray();
      to_json(k, w);
      to_json(x, w);
      w.EndArray();
    }
    w.EndArray();
  } else if (auto dur = v.as<cel::Duration>()) {
    w.Key("duration");
    w.String(cel::format_duration(*dur).c_str());
  } else if (auto ts = v.as<cel::Timestamp>()) {
    w.Key("timestamp");
    w.String(cel::format_timestamp(*ts).c_str());
  } else if (auto o = v.as<cel::Optional>()) {
    w.Key("optional");
    if (o->value)
      to_json(*o->value, w);
    else
      w.Null();
  } else if (v.as<cel::OpaquePtr>()) {
    w.Key("object");  // a library's own type (kubernetes.Quantity, net.IP, ...): its literal
    w.String(cel::to_literal(v).c_str());
  } else {
    w.Key("error");
    w.String(v.as<cel::Error>() ? v.as<cel::Error>()->message.c_str() : "?");
  }
  w.EndObject();
}

}  // namespace

Expected<CelOutcome> evaluate_cel(const CelRequest& request) {
  cel::ParseResult parsed = cel::parse(request.expression);
  if (!parsed.expr) return Error{"<expression>", 1, static_cast<std::uint32_t>(parsed.offset + 1), parsed.error};
  std::vector<std::unique_ptr<SourceFile>> keep;
  std::vector<std::vector<ParsedDocument>> docs;
  cel::Bindings bindings;
  if (!request.object_file.empty()) {
    auto object = load_value(request.object_file, keep, docs);
    if (!object) return object.error();
    bindings["object"] = *object;
    bindings["self"] = std::move(*object);
  }
  if (!request.params_file.empty()) {
    auto params = load_value(request.params_file, keep, docs);
    if (!params) return params.error();
    bindings["params"] = std::move(*params);
  }
  cel::EvalOptions options;
  if (!request.kube_version.empty()) {
    options.kube_minor = rules::kube_minor(request.kube_version);
    if (options.kube_minor == 0) {
      return Error{"--kube-version", 0, 0,
                   "expected a Kubernetes version like 1.30, got '" + request.kube_version + "'"};
    }
  }
  cel::EvalResult r = cel::evaluate(*parsed.expr, bindings, options);
  CelOutcome out;
  out.cost = r.cost;
  if (auto e = r.value.as<cel::Error>()) {
    out.value = e->message;
    return out;
  }
  out.ok = true;
  out.value = cel::to_literal(r.value);
  return out;
}

std::string cel_conformance_answer(const std::string& json_request) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  rapidjson::Document d;
  d.Parse(json_request.c_str(), json_request.size());
  auto fail = [&](const std::string& message) {
    w.StartObject();
    w.Key("error");
    w.String(message.c_str());
    w.EndObject();
    return std::string(buffer.GetString());
  };
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("expr") || !d["expr"].IsString()) {
    return fail("bad request");
  }
  cel::Bindings bindings;
  if (d.HasMember("bindings") && d["bindings"].IsObject()) {
    for (const auto& m : d["bindings"].GetObject()) {
      auto v = from_json(m.value);
      if (!v) return fail("bad binding " + std::string(m.name.GetString()));
      bindings[m.name.GetString()] = std::move(*v);
    }
  }
  cel::EvalResult r = cel::evaluate(std::string_view(d["expr"].GetString(), d["expr"].GetStringLength()), bindings);
  if (auto e = r.value.as<cel::Error>()) return fail(e->message);
  w.StartObject();
  w.Key("value");
  to_json(r.value, w);
  w.EndObject();
  return buffer.GetString();
}

}  // namespace chartproof
