#include "request_options_py.hpp"

#include <pybind11/stl.h>

namespace py = pybind11;

namespace chartproof::python {
namespace {

std::string text_of(const RequestOption& option, const py::object& value) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::hasattr(value, "__fspath__")) return py::module_::import("os").attr("fspath")(value).cast<std::string>();
  throw py::type_error(std::string(option.name) + ": expected a str or a path, not " +
                       std::string(py::str(value.get_type().attr("__name__"))));
}

const char* type_name(OptionType type) {
  switch (type) {
    case OptionType::Flag:
      return "bool";
    case OptionType::Text:
      return "str";
    case OptionType::OptionalText:
      return "Optional[str]";
    case OptionType::TextList:
      return "List[str]";
    case OptionType::Count:
      return "int";
  }
  return "";
}

struct UseName {
  unsigned bit;
  const char* name;
};
constexpr UseName kUses[] = {
    {kUseLint, "lint"}, {kUseLintChart, "lint_chart"}, {kUseAudit, "audit"}, {kUsePolicyShow, "policy_show"}};

}  // namespace

py::object option_to_python(const OptionValue& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return py::bool_(*flag);
  if (const auto* text = std::get_if<std::string>(&value)) return py::str(*text);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value)) return py::cast(*list);
  if (const auto* count = std::get_if<unsigned>(&value)) return py::int_(*count);
  return py::none();
}

OptionValue option_from_python(const RequestOption& option, const py::object& value) {
  if (value.is_none()) {
    if (option.type == OptionType::TextList) return std::vector<std::string>{};
    if (option.type == OptionType::Text || option.type == OptionType::OptionalText) return {};
    return option.get(LintRequest{});  // a flag or count: its default
  }
  switch (option.type) {
    case OptionType::Flag:
      if (!py::isinstance<py::bool_>(value)) throw py::type_error(std::string(option.name) + ": expected a bool");
      return value.cast<bool>();
    case OptionType::Text:
    case OptionType::OptionalText:
      return text_of(option, value);
    case OptionType::TextList: {
      std::vector<std::string> out;
      if (py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__")) {
        out.push_back(text_of(option, value));  // one path is a list of one, never its characters
      } else {
        for (const py::handle item : py::iter(value))
          out.push_back(text_of(option, py::reinterpret_borrow<py::object>(item)));
      }
      return out;
    }
    case OptionType::Count: {
      if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value))
        throw py::type_error(std::string(option.name) + ": expected an int");
      auto count = value.cast<long long>();
      if (count < 0 || count > 0xFFFFFFFFLL)
        throw py::value_error(std::string(option.name) + ": expected a non-negative int, not " + std::to_string(count));
      return static_cast<unsigned>(count);
    }
  }
  return {};
}

py::list options_table(const std::string& command) {
  unsigned wanted = 0;
  for (const auto& use : kUses) {
    if (command == use.name) wanted = use.bit;
  }
  if (!command.empty() && wanted == 0)
    throw py::value_error("options: no command \"" + command + "\"; commands: lint, lint_chart, audit, policy_show");
  py::list out;
  for (const RequestOption& option : option_table()) {
    if (wanted != 0 && (option.use & wanted) == 0) continue;
    py::dict d;
    d["name"] = std::string(option.name);
    d["flags"] = std::string(option.flags);
    d["type"] = type_name(option.type);
    py::list uses;
    for (const auto& use : kUses) {
      if ((option.use & use.bit) != 0) uses.append(use.name);
    }
    d["use"] = uses;
    d["help"] = std::string(option.help);
    py::list choices;
    for (auto c : option.choices) choices.append(std::string(c));
    d["choices"] = choices;
    d["default"] = option_to_python(option.get(LintRequest{}));
    out.append(d);
  }
  return out;
}

}  // namespace chartproof::python
