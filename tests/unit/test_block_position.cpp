// A byte of a literal block scalar back to its file line and column (model/block_position.hpp): what
// puts a credential inside a config file kept in a ConfigMap entry at its own line.
#include <doctest/doctest.h>

#include "chartproof/parse.hpp"
#include "model/block_position.hpp"

using chartproof::parse_file;
using chartproof::SourceFile;
using chartproof::model::position_in_literal_block;

namespace {
const SourceFile kFile{"cm.yaml",
                       "data:\n"                          // 1
                       "  app.properties: |\n"            // 2
                       "    server.port=8080\n"           // 3
                       "\n"                               // 4
                       "      nested=1\n"                 // 5
                       "    db.password=hunter2\n"        // 6
                       "  chomped: |-\n"                  // 7
                       "    a=1\n"                        // 8
                       "    token=abc\n"                  // 9
                       "  folded: >\n"                    // 10
                       "    one\n"                        // 11
                       "    password=x\n"                 // 12
                       "  plain: \"a\\npassword=y\"\n"};  // 13
}  // namespace

TEST_CASE("position_in_literal_block: the file line of a literal block's text line, blank and indented lines kept") {
  auto docs = parse_file(kFile);
  REQUIRE(docs.size() == 1);
  auto data = docs[0].tree->root().get("data");
  auto app = data.get("app.properties");
  const auto text = app.text();
  auto at = position_in_literal_block(app, text.find("hunter2"), kFile.text);
  REQUIRE(at);
  CHECK(at->line == 6);
  CHECK(at->column == 17);
  auto nested = position_in_literal_block(app, text.find("nested"), kFile.text);
  REQUIRE(nested);
  CHECK(nested->line == 5);
  CHECK(nested->column == 7);
  auto first = position_in_literal_block(app, 0, kFile.text);
  REQUIRE(first);
  CHECK(first->line == 3);
  auto chomped = data.get("chomped");
  auto token = position_in_literal_block(chomped, chomped.text().find("abc"), kFile.text);
  REQUIRE(token);
  CHECK(token->line == 9);
  CHECK(token->column == 11);
}

TEST_CASE("position_in_literal_block: none for folded, quoted and out-of-range positions") {
  auto docs = parse_file(kFile);
  auto data = docs[0].tree->root().get("data");
  auto folded = data.get("folded");
  CHECK_FALSE(position_in_literal_block(folded, folded.text().find("password"), kFile.text));
  auto plain = data.get("plain");
  CHECK_FALSE(position_in_literal_block(plain, plain.text().find("password"), kFile.text));
  auto app = data.get("app.properties");
  CHECK_FALSE(position_in_literal_block(app, app.text().size(), kFile.text));
  CHECK_FALSE(position_in_literal_block(app, 3, "data:\n  app.properties: |\n    other\n"));  // not this file's text
}
