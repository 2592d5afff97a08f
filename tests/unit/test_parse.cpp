// The parse stage: document splitting, positions, helm's Source comments, limits.
#include <doctest/doctest.h>

#include <chrono>

#include "chartproof/parse.hpp"
#include "test_support.hpp"

using namespace chartproof;

TEST_CASE("split_documents: separators, end markers, BOM, CRLF") {
  auto chunks = split_documents(
      "\xEF\xBB\xBF"
      "a: 1\n---\nb: 2\n--- # c\nc: 3\n...\nd: 4\n---x: not a separator\n");
  REQUIRE(chunks.size() == 4);
  CHECK(chunks[0].first_line == 1);
  CHECK(chunks[0].text == "a: 1\n");
  CHECK(chunks[1].first_line == 2);
  CHECK(chunks[2].first_line == 4);
  CHECK(chunks[3].first_line == 7);
  CHECK(chunks[3].text == "d: 4\n---x: not a separator\n");
  auto crlf = split_documents("a: 1\r\n---\r\nb: 2\r\n");
  REQUIRE(crlf.size() == 2);
  CHECK(crlf[1].first_line == 2);
}

TEST_CASE("helm Source comments name the template of each document") {
  SourceFile f{"r.yaml",
               "---\n# Source: app/templates/a.yaml\nkind: A\n---\n# Source: app/templates/b.yaml\n"
               "---\n# Source: app/templates/c.yaml\r\nkind: C\n"};
  auto docs = parse_file(f);
  REQUIRE(docs.size() == 2);  // the comment-only document is skipped
  CHECK(docs[0].template_name == "app/templates/a.yaml");
  CHECK(docs[1].template_name == "app/templates/c.yaml");
}

TEST_CASE("nodes keep 1-based file lines and columns; containers take their key's position") {
  SourceFile f{"r.yaml", "a: 1\n---\nkind: X\nspec:\n  items:\n    - name: one\n      port: 80\n"};
  auto docs = parse_file(f);
  REQUIRE(docs.size() == 2);
  Node root = docs[1].tree->root();
  CHECK(root.get("kind").line() == 3);
  CHECK(root.get("kind").column() == 7);
  CHECK(root.get("spec").line() == 4);
  CHECK(root.at_path("spec.items").line() == 5);
  CHECK(root.at_path("spec.items").column() == 3);
  CHECK(root.at_path("spec.items[0]").line() == 6);
  CHECK(root.at_path("spec.items[0]").column() == 7);
  CHECK(root.at_path("spec.items[0].port").line() == 7);
  CHECK(root.at_path("spec.items[0].port").as_int() == 80);
  CHECK_FALSE(root.at_path("spec.items[1]"));
  CHECK_FALSE(root.at_path("spec.nope.deeper"));
}

TEST_CASE("CRLF line endings parse with correct lines") {
  SourceFile f{"r.yaml", "a: 1\r\nb:\r\n  c: two\r\n"};
  auto docs = parse_file(f);
  REQUIRE(docs.size() == 1);
  REQUIRE(docs[0].issues.empty());
  CHECK(docs[0].tree->root().at_path("b.c").text() == "two");
  CHECK(docs[0].tree->root().at_path("b.c").line() == 3);
}

TEST_CASE("a broken document does not stop the stream") {
  SourceFile f{"r.yaml", "a: 1\n---\nb: [1, 2\n---\nc: 3\n"};
  auto docs = parse_file(f);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].tree);
  CHECK_FALSE(docs[1].tree);
  REQUIRE(docs[1].issues.size() == 1);
  CHECK(docs[1].issues[0].kind == ParseIssue::Kind::InvalidYaml);
  CHECK(docs[1].issues[0].line == 3);
  CHECK(docs[2].tree->root().get("c").as_int() == 3);
}

TEST_CASE("duplicate keys are reported at the second occurrence; the last value wins") {
  std::vector<ParseIssue> issues;
  auto doc = parse_single("a: 1\nb: 2\na: 3\n", issues);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == ParseIssue::Kind::DuplicateKey);
  CHECK(issues[0].line == 3);
  CHECK(issues[0].column == 1);
  CHECK(doc->root().get("a").as_int() == 3);
  std::string big;
  for (int i = 0; i < 40; ++i) big += "k" + std::to_string(i) + ": v\n";
  big += "k7: again\n";
  issues.clear();
  parse_single(big, issues);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 41);
}

TEST_CASE("aliases are expanded; alias bombs and recursive aliases fail fast") {
  std::vector<ParseIssue> issues;
  auto doc = parse_single("base: &b {x: 1, y: [1, 2]}\ncopy: *b\n", issues);
  REQUIRE(issues.empty());
  CHECK(doc->root().at_path("copy.y[1]").as_int() == 2);

  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) bomb += std::string(i ? "," : "") + "*" + prev;
    bomb += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  issues.clear();
  auto bombed = parse_single(bomb, issues);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK_FALSE(bombed);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("aliases expand") != std::string::npos);
  // Generous bound: it must stop at the budget, not expand 9^10 nodes.
  CHECK(elapsed < std::chrono::seconds(10));

  issues.clear();
  CHECK_FALSE(parse_single("a: &a [*a]\n", issues));
  REQUIRE(issues.size() == 1);
}

TEST_CASE("deep nesting is an issue, not a stack overflow") {
  std::string deep(10000, '[');
  deep += std::string(10000, ']');
  std::vector<ParseIssue> issues;
  CHECK_FALSE(parse_single(deep, issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == ParseIssue::Kind::InvalidYaml);

  std::string block;
  for (int i = 0; i < 3000; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  issues.clear();
  CHECK_FALSE(parse_single(block, issues));
  REQUIRE(issues.size() == 1);
}

TEST_CASE("unterminated quotes are errors, as in go-yaml") {
  std::vector<ParseIssue> issues;
  CHECK_FALSE(parse_single("a: \"open\nb: 1\n", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 1);
  CHECK(issues[0].column == 4);
  issues.clear();
  CHECK(parse_single("a: 'it''s fine'\nb: \"esc \\\" ok\"\n", issues));
  CHECK(issues.empty());
}

TEST_CASE("a construct that never ends is located where it starts") {
  std::vector<ParseIssue> issues;
  CHECK_FALSE(parse_single("a: 1\nports: [80, 443\n\n", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 2);  // libyaml notices at the end of input; the `[` is what to fix
  CHECK(issues[0].column == 8);
  CHECK(issues[0].message.find("did not find expected ',' or ']'") != std::string::npos);
  // Noticed inside the document: located where libyaml (and so go-yaml) noticed, naming the start.
  issues.clear();
  CHECK_FALSE(parse_single("a: 1\nports: [80, 443\nb: 2\n", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 3);
  CHECK(issues[0].message ==
        "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 2)");
}

// Kubernetes reads YAML with go-yaml v2, a port of libyaml; these are the places where the parser
// chartproof used before (yaml-cpp) decided otherwise, and the test says what Kubernetes does.
TEST_CASE("YAML directives belong to the document after them; only %YAML 1.1 is read, as in go-yaml v2") {
  SourceFile f{"r.yaml", "%YAML 1.1\n---\nkind: A\n---\nkind: B\n"};
  auto docs = parse_file(f);
  REQUIRE(docs.size() == 2);
  REQUIRE(docs[0].tree);
  CHECK(docs[0].tree->root().get_text("kind") == "A");
  CHECK(docs[0].tree->root().get("kind").line() == 3);
  CHECK(docs[1].tree->root().get("kind").line() == 5);
  // libyaml 0.2.5 also reads 1.2; go-yaml v2 (parserc.go) says "found incompatible YAML document".
  SourceFile newer{"r.yaml", "kind: A\n...\n%YAML 1.2\n---\nkind: B\n"};
  docs = parse_file(newer);
  REQUIRE(docs.size() == 2);
  REQUIRE(docs[1].issues.size() == 1);
  CHECK(docs[1].issues[0].line == 3);
  CHECK(docs[1].issues[0].message.find("incompatible YAML document") != std::string::npos);
}

TEST_CASE("characters go-yaml's reader refuses are invalid YAML at their position") {
  // C1 controls and U+FFFE are valid UTF-8 that yaml-cpp let through; go-yaml's reader (as
  // libyaml's) allows only printable characters, tab and line breaks.
  for (const std::string& bad :
       std::vector<std::string>{"\xC2\x80", "\xEF\xBF\xBE", "\x7F", std::string(1, '\0'), "\xC3\x28"}) {
    CAPTURE(bad);
    std::vector<ParseIssue> issues;
    CHECK_FALSE(parse_single("a: 1\nb: \"\xC3\xA9" + bad + "\"\n", issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].line == 2);
    CHECK(issues[0].column == 6);  // `b: "é` is five characters (six bytes)
  }
  std::vector<ParseIssue> issues;
  CHECK(parse_single("a: \"\xC2\x85 \xC2\xA0 \xE2\x80\xA8\"\n", issues));  // NEL, NBSP, LS are allowed
  CHECK(issues.empty());
}

TEST_CASE("columns count characters, as libyaml and go-yaml do, not bytes") {
  std::vector<ParseIssue> issues;
  auto tree = parse_single("{\"\xC3\xA9\xC3\xA9\": 1, b: 2}\n", issues);
  REQUIRE(tree);
  CHECK(tree->root().key_node("b").column() == 11);  // 10 characters before it, 12 bytes
}

TEST_CASE("a document of only `~` or comments is empty") {
  SourceFile f{"r.yaml", "---\n~\n---\n# only a comment\n---\n\n"};
  CHECK(parse_file(f).empty());
}

TEST_CASE("YAML 1.1 merge keys are applied as Kubernetes applies them") {
  std::vector<ParseIssue> issues;
  auto doc = parse_single(
      "base: &b {cpu: 1, memory: 2}\n"
      "extra: &e {gpu: 1, cpu: 9}\n"
      "res:\n  <<: *b\n  memory: 3\n"
      "multi:\n  <<: [*b, *e]\n"
      "quoted:\n  \"<<\": *b\n",
      issues);
  REQUIRE(doc);
  CHECK(issues.empty());  // merged keys are not duplicates
  Node root = doc->root();
  CHECK(root.at_path("res.cpu").as_int() == 1);
  CHECK(root.at_path("res.memory").as_int() == 3);  // the mapping's own key wins
  CHECK(root.at_path("res").size() == 2);
  CHECK(root.at_path("multi.cpu").as_int() == 1);  // earlier mappings in the list win
  CHECK(root.at_path("multi.gpu").as_int() == 1);
  CHECK_FALSE(root.at_path("multi").get("<<"));
  CHECK(root.at_path("quoted").get("<<").is_map());  // a quoted "<<" is an ordinary key
  issues.clear();
  CHECK_FALSE(parse_single("a: 1\nb:\n  <<: 5\n", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 3);
  CHECK(issues[0].message.find("merge key") != std::string::npos);
}
