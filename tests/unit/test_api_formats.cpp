// The API server's string formats (rules/validation/api_formats) against apimachinery's own test
// values: the good and bad lists of ../shared/kubernetes-validation/.../validation_test.go are read
// from the Go source, so the cases are Kubernetes' and not a copy that could drift.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <optional>

#include "rules/validation/api_formats.hpp"
#include "test_support.hpp"

namespace v = chartproof::rules::validation;

namespace {

struct GoLists {
  std::vector<std::string> good, bad;
};

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// A tiny reader of the Go expressions the lists use: "literals" (with \\ \" \t \n escapes),
// strings.Repeat("x", N), string(rune(N)), joined by `+`. Anything else fails the parse.
struct GoReader {
  std::string_view s;
  std::size_t i = 0;
  void skip() {
    while (i < s.size()) {
      if (std::isspace(static_cast<unsigned char>(s[i])) != 0) {
        ++i;
      } else if (s.substr(i, 2) == "//") {
        while (i < s.size() && s[i] != '\n') ++i;
      } else {
        break;
      }
    }
  }
  bool eat(std::string_view t) {
    skip();
    if (s.substr(i, t.size()) != t) return false;
    i += t.size();
    return true;
  }
  std::optional<std::string> literal() {
    skip();
    if (i >= s.size() || s[i] != '"') return std::nullopt;
    std::string out;
    for (++i; i < s.size() && s[i] != '"'; ++i) {
      if (s[i] != '\\') {
        out += s[i];
        continue;
      }
      char e = s[++i];
      out += e == 't' ? '\t' : e == 'n' ? '\n' : e;
    }
    ++i;
    return out;
  }
  std::optional<long> number() {
    skip();
    std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0) ++i;
    if (start == i) return std::nullopt;
    return std::stol(std::string(s.substr(start, i - start)));
  }
  std::optional<std::string> term() {
    if (eat("strings.Repeat(")) {
      auto text = literal();
      if (!text || !eat(",")) return std::nullopt;
      auto n = number();
      if (!n || !eat(")")) return std::nullopt;
      std::string out;
      for (long k = 0; k < *n; ++k) out += *text;
      return out;
    }
    if (eat("string(rune(")) {
      auto n = number();
      if (!n || !eat("))")) return std::nullopt;
      std::string out;
      append_utf8(out, static_cast<unsigned>(*n));
      return out;
    }
    return literal();
  }
  std::optional<std::vector<std::string>> list() {
    std::vector<std::string> out;
    while (!eat("}")) {
      auto value = term();
      if (!value) return std::nullopt;
      while (eat("+")) {
        auto more = term();
        if (!more) return std::nullopt;
        *value += *more;
      }
      out.push_back(*value);
      if (!eat(",")) {
        if (!eat("}")) return std::nullopt;
        break;
      }
    }
    return out;
  }
};

// The lists of one `func TestName(` in the Go file.
GoLists read_lists(const std::string& go, const std::string& test) {
  std::size_t begin = go.find("func " + test + "(");
  REQUIRE_MESSAGE(begin != std::string::npos, test);
  std::size_t end = go.find("\nfunc ", begin + 1);
  std::string_view body = std::string_view(go).substr(begin, end - begin);
  GoLists lists;
  for (auto list_kind : std::initializer_list<std::pair<std::string_view, bool>>{{"goodValues", true},
                                                                                 {"successCases", true},
                                                                                 {"badValues", false},
                                                                                 {"errorCases", false},
                                                                                 {"failureCases", false}}) {
    const std::string_view name = list_kind.first;
    const bool good = list_kind.second;
    std::size_t at = body.find(std::string(name) + " := []string{");
    if (at == std::string_view::npos) continue;
    GoReader reader{body, body.find('{', at) + 1};
    auto values = reader.list();
    REQUIRE_MESSAGE(values.has_value(), test << ": cannot read " << name);
    auto& into = good ? lists.good : lists.bad;
    into.insert(into.end(), values->begin(), values->end());
  }
  return lists;
}

}  // namespace

TEST_CASE("api formats agree with apimachinery's validation_test.go") {
  std::string go = test::read_file(test::shared_dir() / "kubernetes-validation/pkg/util/validation/validation_test.go");
  const std::map<std::string, std::function<v::Messages(std::string_view)>> checks = {
      {"TestIsDNS1123Label", v::dns1123_label},
      {"TestIsDNS1123Subdomain", v::dns1123_subdomain},
      {"TestIsDNS1035Label", v::dns1035_label},
      {"TestIsValidPortName", v::port_name},
      {"TestIsQualifiedName", v::qualified_name},
      {"TestIsValidLabelValue", v::label_value},
      {"TestIsConfigMapKey", v::config_map_key},
      {"TestIsWildcardDNS1123Subdomain", v::wildcard_dns1123_subdomain},
      {"TestIsRelaxedEnvVarName", v::relaxed_env_var_name},
  };
  std::size_t cases = 0;
  for (const auto& entry : checks) {
    // (not a structured binding: clang cannot capture one in doctest's message lambdas)
    const std::string& name = entry.first;
    const auto& check = entry.second;
    GoLists lists = read_lists(go, name);
    CHECK_MESSAGE(!lists.good.empty(), name);
    CHECK_MESSAGE(!lists.bad.empty(), name);
    for (const auto& value : lists.good) {
      CHECK_MESSAGE(check(value).empty(), name << ": expected valid: \"" << value << "\"");
    }
    for (const auto& value : lists.bad) {
      CHECK_MESSAGE(!check(value).empty(), name << ": expected invalid: \"" << value << "\"");
    }
    cases += lists.good.size() + lists.bad.size();
  }
  CHECK(cases > 300);
}

TEST_CASE("api formats use the API server's wording") {
  CHECK(v::dns1035_label("Foo_Bar").front().starts_with("a DNS-1035 label must consist of lower case alphanumeric"));
  CHECK(v::dns1123_label(std::string(64, 'a')).front() == "must be no more than 63 characters");
  CHECK(v::qualified_name("bad key!").front().starts_with("name part must consist of alphanumeric characters"));
  CHECK(v::qualified_name("/x").front() == "prefix part must be non-empty");
  CHECK(v::config_map_key("..x").back() == "must not start with '..'");
  CHECK(v::env_var_name("1abc").size() == 1);
  CHECK(v::env_var_name("a.b-c").empty());
  CHECK(v::port_name("12345") == v::Messages{"must contain at least one letter (a-z)"});
}

TEST_CASE("name rules per kind") {
  using v::check_name;
  using v::name_rule;
  CHECK(check_name(name_rule("v1", "Service"), "1abc").size() == 1);  // DNS-1035: a letter first
  CHECK(check_name(name_rule("v1", "ConfigMap"), "a.b-c").empty());   // a subdomain
  CHECK(!check_name(name_rule("v1", "ConfigMap"), "a..b").empty());
  CHECK(!check_name(name_rule("apps/v1", "StatefulSet"), "a.b").empty());  // a DNS label
  CHECK(check_name(name_rule("batch/v1", "CronJob"), std::string(52, 'a')).empty());
  CHECK(check_name(name_rule("batch/v1", "CronJob"), std::string(53, 'a')) ==
        v::Messages{"must be no more than 52 characters"});
  CHECK(check_name(name_rule("rbac.authorization.k8s.io/v1", "ClusterRole"), "system:Aggregate").empty());
  CHECK(!check_name(name_rule("rbac.authorization.k8s.io/v1", "Role"), "a/b").empty());
  CHECK(check_name(name_rule("v1", "Pod"), "web-", true).empty());  // generateName: the '-' is masked
  CHECK(!check_name(name_rule("v1", "Pod"), "web-", false).empty());
}

TEST_CASE("shown_value cuts a long value between characters, never inside one") {
  CHECK(v::shown_value("short") == "\"short\"");
  const std::string ascii(50, 'a');
  CHECK(v::shown_value(ascii) == "\"" + std::string(20, 'a') + "…" + std::string(12, 'a') + "\" (50 characters)");
  std::string wide;  // 50 two-byte characters: a cut at a byte count would split one
  for (int i = 0; i < 50; ++i) wide += "é";
  std::string head, tail;
  for (int i = 0; i < 20; ++i) head += "é";
  for (int i = 0; i < 12; ++i) tail += "é";
  CHECK(v::shown_value(wide) == "\"" + head + "…" + tail + "\" (50 characters)");
}
