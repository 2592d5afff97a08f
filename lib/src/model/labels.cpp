#include <algorithm>

#include "chartproof/model.hpp"

namespace chartproof {

Labels read_string_map(Node map) {
  Labels out;
  if (!map.is_map()) return out;
  out.reserve(map.size());
  for (std::size_t i = 0; i < map.size(); ++i) {
    Node k = map.key_at(i);
    Node v = map.value_at(i);
    if (!k.is_scalar()) continue;
    out.emplace_back(k.text(), v.is_scalar() ? v.text() : std::string_view());
  }
  return out;
}

std::string append_path_key(std::string path, std::string_view key) {
  if (key.find_first_of("./[]") != std::string_view::npos) {
    path.append("[\"").append(key).append("\"]");
  } else {
    if (!path.empty()) path.push_back('.');
    path.append(key);
  }
  return path;
}

std::string render_trail(const FieldTrail& trail) {
  std::string path;
  for (const TrailStep& step : trail) {
    if (step.is_index) {
      path += "[" + std::to_string(step.index) + "]";
    } else {
      path = append_path_key(std::move(path), step.key);
    }
  }
  return path;
}

std::string format_labels(const Labels& labels) {
  if (labels.empty()) return "(none)";
  std::string out;
  for (const auto& [k, v] : labels) out.append(out.empty() ? "" : ",").append(k).append("=").append(v);
  return out;
}

namespace {

const std::string_view* find_label(const Labels& labels, std::string_view key) {
  // Last wins, like a duplicate key in the API server.
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    if (it->first == key) return &it->second;
  }
  return nullptr;
}

}  // namespace

bool LabelSelector::matches(const Labels& labels) const {
  for (const auto& [key, value] : match_labels) {
    const auto* v = find_label(labels, key);
    if (!v || *v != value) return false;
  }
  for (const auto& req : expressions) {
    const auto* v = find_label(labels, req.key);
    bool in_values = v && std::find(req.values.begin(), req.values.end(), *v) != req.values.end();
    switch (req.op) {
      case LabelSelector::Op::In:
        if (!in_values) return false;
        break;
      case LabelSelector::Op::NotIn:
        if (in_values) return false;
        break;
      case LabelSelector::Op::Exists:
        if (!v) return false;
        break;
      case LabelSelector::Op::DoesNotExist:
        if (v) return false;
        break;
    }
  }
  return true;
}

std::vector<std::string> LabelSelector::mismatches(const Labels& labels) const {
  std::vector<std::string> out;
  auto q = [](std::string_view s) { return "\"" + std::string(s) + "\""; };
  for (const auto& [key, value] : match_labels) {
    const auto* v = find_label(labels, key);
    if (!v)
      out.push_back("no label " + q(key));
    else if (*v != value)
      out.push_back(q(key) + " is " + q(*v) + ", not " + q(value));
  }
  for (const auto& req : expressions) {
    const auto* v = find_label(labels, req.key);
    bool in_values = v && std::find(req.values.begin(), req.values.end(), *v) != req.values.end();
    std::string list;
    for (auto value : req.values) list += (list.empty() ? "" : ",") + std::string(value);
    switch (req.op) {
      case LabelSelector::Op::In:
        if (!in_values)
          out.push_back(v ? q(req.key) + " is " + q(*v) + ", not in (" + list + ")" : "no label " + q(req.key));
        break;
      case LabelSelector::Op::NotIn:
        if (in_values) out.push_back(q(req.key) + " is " + q(*v) + ", which the selector excludes");
        break;
      case LabelSelector::Op::Exists:
        if (!v) out.push_back("no label " + q(req.key));
        break;
      case LabelSelector::Op::DoesNotExist:
        if (v) out.push_back("label " + q(req.key) + " is present, which the selector excludes");
        break;
    }
  }
  return out;
}

std::string LabelSelector::to_string() const {
  std::string out;
  auto sep = [&] {
    if (!out.empty()) out += ",";
  };
  for (const auto& [k, v] : match_labels) {
    sep();
    out.append(k).append("=").append(v);
  }
  for (const auto& req : expressions) {
    sep();
    if (req.op == LabelSelector::Op::Exists) {
      out.append(req.key);
      continue;
    }
    if (req.op == LabelSelector::Op::DoesNotExist) {
      out.append("!").append(req.key);
      continue;
    }
    out.append(req.key).append(req.op == LabelSelector::Op::In ? " in (" : " notin (");
    for (std::size_t i = 0; i < req.values.size(); ++i) out.append(i ? "," : "").append(req.values[i]);
    out.append(")");
  }
  return out;
}

LabelSelector parse_map_selector(Node node, std::string path) {
  LabelSelector sel;
  sel.field = Field{node, std::move(path)};
  if (node && !node.is_map() && !node.is_null()) sel.error = "selector is not a mapping";
  sel.match_labels = read_string_map(node);
  return sel;
}

LabelSelector parse_label_selector(Node node, std::string path) {
  LabelSelector sel;
  sel.field = Field{node, std::move(path)};
  if (!node.is_map()) {
    if (node && !node.is_null()) sel.error = "selector is not a mapping";
    return sel;
  }
  sel.match_labels = read_string_map(node.get("matchLabels"));
  Node exprs = node.get("matchExpressions");
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    Node e = exprs.item(i);
    LabelSelector::Requirement req;
    req.key = e.get_text("key");
    std::string_view op = e.get_text("operator");
    if (op == "In")
      req.op = LabelSelector::Op::In;
    else if (op == "NotIn")
      req.op = LabelSelector::Op::NotIn;
    else if (op == "Exists")
      req.op = LabelSelector::Op::Exists;
    else if (op == "DoesNotExist")
      req.op = LabelSelector::Op::DoesNotExist;
    else {
      sel.error = "unknown matchExpressions operator \"" + std::string(op) + "\"";
      continue;
    }
    Node values = e.get("values");
    for (std::size_t j = 0; j < values.size(); ++j) req.values.push_back(values.item(j).text());
    sel.expressions.push_back(std::move(req));
  }
  return sel;
}

}  // namespace chartproof
