// What rule.hpp declares for every rule: parameters by name and type, and the default (empty) checks.
#include <stdexcept>

#include "chartproof/rule.hpp"

namespace chartproof {
namespace {

template <typename T>
const T& lookup(const std::map<std::string, ParamValue>& values, const std::string& name) {
  auto it = values.find(name);
  // A missing or mistyped parameter is a bug in a rule's metadata, not a user error: the engine
  // fills every declared parameter with its default and checks types when it applies configuration.
  if (it == values.end()) throw std::logic_error("rule parameter \"" + name + "\" is not declared");
  const T* v = std::get_if<T>(&it->second);
  if (!v) throw std::logic_error("rule parameter \"" + name + "\" has another type");
  return *v;
}

}  // namespace

std::int64_t Params::get_int(const std::string& name) const { return lookup<std::int64_t>(values_, name); }
const std::string& Params::get_string(const std::string& name) const { return lookup<std::string>(values_, name); }
bool Params::get_bool(const std::string& name) const { return lookup<bool>(values_, name); }
const std::vector<std::string>& Params::get_list(const std::string& name) const {
  return lookup<std::vector<std::string>>(values_, name);
}

std::optional<std::string> accept_param_value(const RuleMeta& rule, const ParamSpec& spec, ParamValue& value) {
  if (std::holds_alternative<std::string>(spec.default_value) && std::holds_alternative<std::int64_t>(value))
    value = std::to_string(std::get<std::int64_t>(value));
  std::string subject = "parameter \"" + spec.name + "\" of rule \"" + rule.id + "\"";
  if (spec.default_value.index() != value.index()) {
    return subject + " must be " + std::string(param_type_name(spec.default_value)) + ", not " +
           std::string(param_type_name(value));
  }
  if (spec.check) {
    if (auto why = spec.check(value)) return subject + ": " + *why;
  }
  return std::nullopt;
}

std::string_view param_type_name(const ParamValue& v) {
  switch (v.index()) {
    case 0:
      return "an integer";
    case 1:
      return "a string";
    case 2:
      return "a boolean";
    default:
      return "a list of strings";
  }
}

std::string param_value_text(const ParamValue& v) {
  switch (v.index()) {
    case 0:
      return std::to_string(std::get<std::int64_t>(v));
    case 1:
      return "\"" + std::get<std::string>(v) + "\"";
    case 2:
      return std::get<bool>(v) ? "true" : "false";
    default: {
      std::string out = "[";
      for (const auto& s : std::get<std::vector<std::string>>(v))
        out += (out.size() > 1 ? ", " : "") + ("\"" + s + "\"");
      return out + "]";
    }
  }
}

void Rule::check(const Resource&, const RuleContext&, Reporter&) const {}
void Rule::check_document(const ParsedDocument&, const RuleContext&, Reporter&) const {}
void Rule::check_chart(const ChartFolder&, const RuleContext&, Reporter&) const {}
void Rule::check_run(const RunContext&, Reporter&) const {}

}  // namespace chartproof
