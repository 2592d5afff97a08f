// The CEL engine (lib/src/cel) on expressions whose value cel-spec's langdef.md states; the
// conformance files of cel-spec run through tools/cel_conformance.py (make test).
#include <doctest/doctest.h>

#include "cel/eval.hpp"
#include "cel/parser.hpp"

namespace cel = chartproof::cel;

namespace {
std::string eval(const std::string& source, const cel::Bindings& bindings = {}) {
  return cel::to_literal(cel::evaluate(source, bindings).value);
}
}  // namespace

TEST_CASE("cel evaluates literals, operators and macros") {
  CHECK(eval("1 + 2 * 3") == "7");
  CHECK(eval("7u / 2u") == "3u");
  CHECK(eval("1.5 + 2.0") == "3.5");
  CHECK(eval("'ab' + \"c\"") == "\"abc\"");
  CHECK(eval("[1, 2] + [3]") == "[1, 2, 3]");
  CHECK(eval("{'a': 1}['a']") == "1");
  CHECK(eval("1 == 1u && 1u == 1.0") == "true");
  CHECK(eval("9223372036854775807 + 1") == "error: return error for overflow");
  CHECK(eval("-9223372036854775808") == "-9223372036854775808");
  CHECK(eval("1 / 0") == "error: divide by zero");
  CHECK(eval("false && (1 / 0 == 1)") == "false");
  CHECK(eval("(1 / 0 == 1) && false") == "false");  // commutative: the error is absorbed
  CHECK(eval("(1 / 0 == 1) || true") == "true");
  CHECK(eval("true ? 'y' : 'n'") == "\"y\"");
  CHECK(eval("[1, 2, 3].all(x, x > 0)") == "true");
  CHECK(eval("[1, 2, 3].exists_one(x, x == 2)") == "true");
  CHECK(eval("[1, 2, 3].map(x, x * 2)") == "[2, 4, 6]");
  CHECK(eval("[1, 2, 3].filter(x, x % 2 == 1)") == "[1, 3]");
  CHECK(eval("{'a': 1, 'b': 2}.all(k, v, v > 0)") == "true");
  // The two-variable comprehensions with their optional filter (cel-go ext.TwoVarComprehensions).
  CHECK(eval("[2, 4, 6].transformList(i, v, i != 1, v / 2 + i)") == "[1, 5]");
  CHECK(eval("{'a': 1, 'b': 0}.transformMap(k, v, v > 0, v * 10)") == "{\"a\": 10}");
  CHECK(eval("{'a': 1, 'b': 0}.transformMap(k, v, k == 'b' && 4 / v == 0, v)") == "error: divide by zero");
  CHECK(eval("{'a': 1, 'b': 2}.transformMapEntry(k, v, {v: k})") == "{1: \"a\", 2: \"b\"}");
  CHECK(eval("[1, 2].transformMapEntry(i, v, {'x': v})").starts_with("error: insert failed"));
  CHECK(eval("has({'a': 1}.a) && !has({'a': 1}.b)") == "true");
  CHECK(eval("'hello'.startsWith('he') && 'a1'.matches('[a-z][0-9]')") == "true");
  CHECK(eval("size('héllo')") == "5");
  CHECK(eval("type(1) == int && type('') == string") == "true");
  CHECK(eval("int('42') + int(3.9)") == "45");
  CHECK(eval("optional.of(1).orValue(2) + optional.none().orValue(5)") == "6");
  CHECK(eval("{'a': {'b': 1}}.?a.?b.value()") == "1");
  CHECK(eval("self.spec.replicas >= 1",
             {{"self", cel::Value(cel::MapEntries{
                           {cel::Value("spec"),
                            cel::Value(cel::MapEntries{{cel::Value("replicas"), cel::Value(std::int64_t{3})}})}})}}) ==
        "true");
  CHECK(eval("x").starts_with("error: undeclared reference to 'x'"));
}

TEST_CASE("cel reports syntax errors with their position") {
  auto r = cel::parse("1 +");
  CHECK(r.expr == nullptr);
  CHECK(r.error == "Syntax error: unexpected end of expression at 1:4");
  CHECK(cel::parse("a.b(").error.starts_with("Syntax error"));
  CHECK(cel::parse("'unterminated").error.starts_with("Syntax error: unterminated string literal"));
}

TEST_CASE("cel stops a deep or expensive expression with an error") {
  std::string deep(1000, '(');
  deep += "1" + std::string(1000, ')');
  CHECK(cel::parse(deep).error.find("nested too deeply") != std::string::npos);
  // A quadratic expression over a large list stops at the cost budget, never hangs.
  cel::Bindings big;
  cel::List items;
  for (int i = 0; i < 3000; ++i) items.emplace_back(std::int64_t{i});
  big["xs"] = cel::Value(std::move(items));
  auto quadratic = cel::evaluate("xs.all(x, xs.all(y, x + y >= 0))", big);
  CHECK(cel::to_literal(quadratic.value) == "error: operation cancelled: actual cost limit exceeded");
  CHECK(quadratic.cost <= cel::kPerCallCostLimit + 10);
  // Work that grows faster than its operands is charged before it runs: a library call that would
  // allocate or compare past the budget, lookups in a huge map inside a comprehension, map equality.
  const std::string over = "error: operation cancelled: actual cost limit exceeded";
  CHECK(eval("lists.range(5000000).size()") == over);
  CHECK(eval("lists.range(900000).distinct().size()") == over);
  CHECK(eval("sets.intersects(lists.range(20000), lists.range(20000))") == over);
  CHECK(eval("lists.range(200000).transformMap(i, v, v) == lists.range(200000).transformMap(i, v, v)") == over);
  cel::MapEntries wide;
  for (std::int64_t i = 0; i < 100000; ++i) wide.emplace_back(cel::Value(i), cel::Value(i));
  cel::Bindings with_map{{"m", cel::Value(std::move(wide))}};
  CHECK(cel::to_literal(cel::evaluate("m.all(k, m[k] == k)", with_map).value) == over);
  CHECK(eval("lists.range(1000).distinct().size()") == "1000");  // within the budget: answered
}

TEST_CASE("cel refuses trees too tall to evaluate, however they nest") {
  std::string sum = "1";
  for (int i = 0; i < 5000; ++i) sum += " + 1";
  CHECK(cel::parse(sum).error.find("expression too deep") != std::string::npos);
  std::string chain = "self";
  for (int i = 0; i < 5000; ++i) chain += ".a";
  CHECK(cel::parse(chain).error.find("expression too deep") != std::string::npos);
  std::string ok = "1";
  for (int i = 0; i < 200; ++i) ok += " + 1";
  CHECK(cel::to_literal(cel::evaluate(ok, {}).value) == "201");
}

TEST_CASE("cel timestamps and durations") {
  CHECK(eval("timestamp('2009-02-13T23:31:30Z') + duration('1h30m') == timestamp('2009-02-14T01:01:30Z')") == "true");
  CHECK(eval("string(timestamp('2009-02-13T23:31:30.120Z'))") == "\"2009-02-13T23:31:30.12Z\"");
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getDayOfWeek()") == "5");
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getHours('+05:30')") == "5");
  CHECK(eval("duration('-1.5s') < duration('0s')") == "true");
  CHECK(eval("string(duration('90m'))") == "\"5400s\"");
  CHECK(eval("timestamp('9999-12-31T23:59:59Z') + duration('1s')") == "error: timestamp out of range");
  CHECK(eval("string(-4.5e-3) + ' ' + string(1e6)") == "\"-0.0045 1e+06\"");
}

TEST_CASE("cel libraries follow the Kubernetes version that enables them") {
  auto at = [](const std::string& source, int minor) {
    cel::EvalOptions options;
    options.kube_minor = minor;
    return cel::to_literal(cel::evaluate(source, {}, options).value);
  };
  CHECK(at("sets.contains([1], [1])", 29) == "true");
  CHECK(at("sets.contains([1], [1])", 28).starts_with("error: undeclared reference to 'sets.contains': ext.Sets"));
  CHECK(at("'a,b'.split(',')", 23) == "[\"a\", \"b\"]");    // ext.Strings: always
  CHECK(at("'%d'.format([1])", 28).starts_with("error:"));  // format: ext.Strings(2), 1.29
  CHECK(at("'%d'.format([1])", 29) == "\"1\"");
  CHECK(at("ip('::1').family()", 29).starts_with("error:"));  // library.IP: 1.30
  CHECK(at("ip('::1').family()", 30) == "6");
  CHECK(at("[2, 1].sort()", 33).starts_with("error:"));  // ext.Lists(3): 1.34
  CHECK(at("[2, 1].sort()", 34) == "[1, 2]");
  CHECK(at("[1].all(i, v, v > 0)", 31).starts_with("error: undeclared reference to the two-variable form"));
  CHECK(at("[1].all(x, x > 0)", 23) == "true");
  CHECK(at("[1].all(i, v, v > 0)", 0) == "true");  // 0: every library
}

TEST_CASE("cel library values: equality, type, literal") {
  CHECK(eval("quantity('1') == quantity('1000m')") == "true");
  CHECK(eval("type(quantity('1')) == kubernetes.Quantity") == "true");
  CHECK(eval("cidr('10.0.0.1/8').masked()") == "cidr(\"10.0.0.0/8\")");
  CHECK(eval("url('https://a.b/c') == url('https://a.b/c')") == "true");
  CHECK(eval("ip('1.2.3.4') == cidr('1.2.3.4/32')") == "false");  // different types: not equal
  CHECK(eval("[ip('::1')].exists(x, x.isLoopback())") == "true");
}

TEST_CASE("cel timestamp accessors in named time zones (the system's IANA database)") {
  // Newfoundland: UTC-3:30 in winter, -2:30 in summer; Kathmandu: +5:45.
  CHECK(eval("timestamp('2009-02-13T02:00:00Z').getDayOfMonth('America/St_Johns')") == "11");
  CHECK(eval("timestamp('2009-02-13T02:00:00Z').getHours('America/St_Johns')") == "22");
  CHECK(eval("timestamp('2009-07-13T02:00:00Z').getHours('America/St_Johns')") == "23");
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getMinutes('Asia/Kathmandu')") == "16");
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getHours('US/Central')") == "17");  // a link
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getHours('No/Such_Zone')") ==
        "error: unknown time zone \"No/Such_Zone\"");
  CHECK(eval("timestamp('2009-02-13T23:31:30Z').getHours('../../etc/passwd')").starts_with("error: unknown time zone"));
}
