// The parser baseline: parse a YAML stream with libyaml's event API (the event source chartproof's
// parse module uses) and do nothing else. bench/instructions.sh and bench/run.sh compare chartproof
// lint with it.
#include <yaml.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "read_input.hpp"

int main(int argc, char** argv) {
  auto input = bench::read_input(argc, argv, "parse_baseline_libyaml");
  if (!input) return 2;
  const std::string& data = *input;
  auto start = std::chrono::steady_clock::now();
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) return 1;
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::size_t events = 0;
  std::size_t documents = 0;
  // Counts events so the compiler cannot drop the parse; stops at the first error, as libyaml must.
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      std::fprintf(stderr, "libyaml: %s at line %zu\n", parser.problem ? parser.problem : "error",
                   parser.problem_mark.line + 1);
      break;
    }
    ++events;
    if (event.type == YAML_DOCUMENT_START_EVENT) ++documents;
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu bytes %zu documents %zu events %.3f s\n", data.size(), documents, events, seconds);
  return 0;
}
