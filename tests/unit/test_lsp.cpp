// The language server's pieces without a process: the base protocol's framing
// (lsp/frame_reader.hpp), file URIs and lint units (lsp/uri.hpp), and the server's answers to
// messages (lsp/language_server.hpp) with linting off; the fuzz target's seeds replayed.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "chart_fixture.hpp"
#include "fix/text_edit.hpp"
#include "fuzz_targets.hpp"
#include "lsp/exemption_edit.hpp"
#include "lsp/frame_reader.hpp"
#include "lsp/ignore_annotation.hpp"
#include "lsp/language_server.hpp"
#include "lsp/text_position.hpp"
#include "lsp/uri.hpp"
#include "test_support.hpp"

namespace lsp = chartproof::lsp;

TEST_CASE("frame reader: messages whole, in pieces, back to back; bad headers skipped") {
  lsp::FrameReader reader;
  const std::string two =
      lsp::frame(R"({"a":1})") + "Content-Type: application/vscode-jsonrpc\r\ncontent-length: 2\r\n\r\n{}";
  for (char c : two.substr(0, 10)) reader.feed(std::string_view(&c, 1));
  CHECK_FALSE(reader.next());  // not a whole header yet
  reader.feed(two.substr(10));
  auto first = reader.next();
  REQUIRE(first);
  REQUIRE(*first);
  CHECK(first->value() == R"({"a":1})");
  auto second = reader.next();
  REQUIRE((second && *second));
  CHECK(second->value() == "{}");  // header names are case-insensitive; Content-Type is ignored
  CHECK_FALSE(reader.next());
  CHECK(reader.pending() == 0);

  reader.feed("Content-Length: x\r\n\r\nNo-Length: 1\r\n\r\n" + lsp::frame("[]"));
  auto bad = reader.next();
  REQUIRE((bad && !*bad));
  CHECK(bad->error().message == "Content-Length is not a number: the message is skipped");
  auto missing = reader.next();
  REQUIRE((missing && !*missing));
  CHECK(missing->error().message == "no Content-Length header: the message is skipped");
  auto after = reader.next();
  REQUIRE((after && *after));
  CHECK(after->value() == "[]");

  // Oversized: the body is skipped as it arrives, and the next message is read.
  reader.feed("Content-Length: 67108865\r\n\r\n");
  auto big = reader.next();
  REQUIRE((big && !*big));
  reader.feed(std::string(67108865, 'x') + lsp::frame("1"));
  auto next = reader.next();
  REQUIRE((next && *next));
  CHECK(next->value() == "1");
  // A header that never ends is cut at 8 KiB, never held whole.
  reader.feed(std::string(9000, 'h'));
  auto endless = reader.next();
  REQUIRE((endless && !*endless));
  CHECK(reader.pending() < 8);
}

TEST_CASE("file URIs: percent-decoding both ways, other schemes refused") {
  CHECK(lsp::path_of_uri("file:///home/a%20b/values.yaml") == std::optional<std::string>("/home/a b/values.yaml"));
  CHECK(lsp::path_of_uri("file://localhost/x.yaml") == std::optional<std::string>("/x.yaml"));
  CHECK_FALSE(lsp::path_of_uri("file://server/x.yaml"));
  CHECK_FALSE(lsp::path_of_uri("untitled:Untitled-1"));
  CHECK_FALSE(lsp::path_of_uri("file:///bad%2"));
  CHECK_FALSE(lsp::path_of_uri("file:///nul%00byte"));
  CHECK(lsp::path_of_uri("file:///chart/templates/../../etc/passwd") == std::optional<std::string>("/etc/passwd"));
  CHECK(lsp::uri_of_path("/home/a b/ü.yaml") == "file:///home/a%20b/%C3%BC.yaml");
  CHECK(lsp::path_of_uri(lsp::uri_of_path("/x/[1]#?.yaml")) == std::optional<std::string>("/x/[1]#?.yaml"));
}

TEST_CASE("lint units: a file's chart is the outermost that renders it") {
  test::TempDir tmp;
  const auto root = tmp.path / "shop";
  std::filesystem::create_directories(root / "templates");
  std::filesystem::create_directories(root / "charts/db/templates");
  for (const auto& chart : {root, root / "charts/db"}) std::ofstream(chart / "Chart.yaml") << "name: x\n";
  CHECK(lsp::chart_root_of((root / "templates/a.yaml").string()) == root.string());
  CHECK(lsp::chart_root_of((root / "charts/db/templates/b.yaml").string()) == root.string());
  CHECK(lsp::chart_root_of((tmp.path / "plain.yaml").string()).empty());
}

TEST_CASE("server: lifecycle and error responses, without linting") {
  lsp::LanguageServer server(false);
  auto hover = R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})";
  CHECK(server.handle(hover).front().find("-32002") != std::string::npos);
  auto init = server.handle(R"({"jsonrpc":"2.0","id":"i","method":"initialize","params":{}})");
  REQUIRE(init.size() == 1);
  CHECK(init.front().find(R"("id":"i","result":{"capabilities")") != std::string::npos);
  CHECK(server.handle("nonsense").front().find("-32700") != std::string::npos);
  CHECK(server.handle(R"({"id":[1],"method":"x"})").front().find("-32600") != std::string::npos);
  CHECK(server.handle(R"({"jsonrpc":"2.0","id":2,"method":"nope"})").front().find("-32601") != std::string::npos);
  CHECK(server.handle(R"({"jsonrpc":"2.0","method":"nope"})").empty());  // notifications are not answered
  CHECK(server.handle(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})").front() ==
        R"({"jsonrpc":"2.0","id":3,"result":null})");
  CHECK(server.handle(R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})").front().find("-32600") != std::string::npos);
  CHECK_FALSE(server.exited());
  server.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(server.exited());
  CHECK(server.exit_code() == 0);
}

TEST_CASE("the lsp fuzz target's seeds run through it") {
  for (const auto& seed : std::filesystem::directory_iterator(test::source_dir() / "tests/fuzz/seeds/lsp")) {
    CAPTURE(seed.path().string());
    chartproof::fuzz::serve_lsp(test::read_file(seed.path()));
  }
}

TEST_CASE(
    "ignore annotation: added under metadata, or to annotations, or to the value; none where a template writes it") {
  using chartproof::fix::apply_edits;
  auto ignored = [](const std::string& text, std::uint32_t line) -> std::string {
    auto edit = lsp::ignore_annotation_edit(text, line, "run-as-root");
    if (!edit) return "(none)";
    return *apply_edits(text, {*edit});
  };
  const std::string bare = "a: 1\n---\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n";
  CHECK(ignored(bare, 7) ==
        "a: 1\n---\nkind: Pod\nmetadata:\n  annotations:\n    chartproof.io/ignore: \"run-as-root\"\n  name: x\n"
        "spec:\n  containers: []\n");
  const std::string with = "kind: Pod\nmetadata:\n    name: x\n    annotations:\n        a: b\nspec: {}\n";
  CHECK(ignored(with, 6) ==
        "kind: Pod\nmetadata:\n    name: x\n    annotations:\n        chartproof.io/ignore: \"run-as-root\"\n        "
        "a: b\n"
        "spec: {}\n");
  const std::string has = "metadata:\n  annotations:\n    chartproof.io/ignore: 'probes'  # why\nspec: {}\n";
  CHECK(ignored(has, 4) ==
        "metadata:\n  annotations:\n    chartproof.io/ignore: 'probes, run-as-root'  # why\nspec: {}\n");
  CHECK(ignored("metadata:\n  annotations:\n    {{- toYaml .Values.a | nindent 4 }}\nspec: {}\n", 4) == "(none)");
  CHECK(ignored("metadata:\n  annotations: {a: b}\nspec: {}\n", 3) == "(none)");
  CHECK(ignored("spec: {}\n", 1) == "(none)");
  CHECK(ignored("spec: {}\n", 9) == "(none)");
}

TEST_CASE("an exemption goes under the policy's exemptions, in its style; flow style gets none") {
  using chartproof::lsp::exemption_insertion;
  const chartproof::ResourceRef web{"apps/v1", "Deployment", "prod", "web.v2"};
  auto fresh = exemption_insertion("", "run-as-root", web);
  REQUIRE(fresh);
  CHECK(fresh->line == 1);
  CHECK(fresh->text ==
        "apiVersion: chartproof.io/v1\nkind: Policy\nextends: [recommended]\nexemptions:\n"
        "  - rules: [run-as-root]\n    scope: {kinds: [Deployment], names: ['web\\.v2'], namespaces: ['prod']}\n"
        "    reason: 'TODO: why this finding is accepted (added from the editor)'\n");
  // Items at the key's own column, a key after the block, a comment inside it.
  const std::string policy = "kind: Policy\nexemptions:\n- rules: [a]\n  # why\n  reason: r\n\nrules:\n  x: false\n";
  auto under = exemption_insertion(policy, "run-as-root", web);
  REQUIRE(under);
  CHECK(under->line == 6);
  CHECK(under->column == 1);
  CHECK(under->text.starts_with("- rules: [run-as-root]\n  scope: "));
  // No exemptions yet, no newline at the end.
  auto appended = exemption_insertion("kind: Policy\nrules: {}", "r", chartproof::ResourceRef{"v1", "Pod", "", "it's"});
  REQUIRE(appended);
  CHECK(appended->line == 2);
  CHECK(appended->column == 10);
  CHECK(appended->text ==
        "\nexemptions:\n  - rules: [r]\n    scope: {kinds: [Pod], names: ['it''s']}\n"
        "    reason: 'TODO: why this finding is accepted (added from the editor)'\n");
  CHECK_FALSE(exemption_insertion("kind: Policy\nexemptions: []\n", "r", web));
}

TEST_CASE("protocol positions are byte offsets: UTF-16 units, line ends, places past the end") {
  using chartproof::lsp::offset_of;
  const std::string text = "# \xF0\x9F\x9A\x80 \xC3\xA9 ok\nab\r\ncd";
  CHECK(offset_of(text, 0, 0) == 0);
  CHECK(offset_of(text, 0, 2) == 2);  // before the rocket (two units)
  CHECK(offset_of(text, 0, 3) == 6);  // inside its surrogate pair: after it
  CHECK(offset_of(text, 0, 4) == 6);
  CHECK(offset_of(text, 0, 5) == 7);  // é: one unit, two bytes
  CHECK(offset_of(text, 0, 6) == 9);
  CHECK(offset_of(text, 0, 99) == 12);  // past the end of the line: its end
  CHECK(offset_of(text, 1, 99) == 15);  // before \r\n
  CHECK(offset_of(text, 2, 1) == 18);
  CHECK(offset_of(text, 9, 0) == text.size());
}
