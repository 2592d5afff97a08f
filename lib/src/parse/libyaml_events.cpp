#include "parse/libyaml_events.hpp"

#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "support/utf8.hpp"

namespace chartproof::parse {
namespace {

std::string_view text_of(const yaml_char_t* s) { return s ? reinterpret_cast<const char*>(s) : std::string_view(); }

Mark mark_of(const yaml_mark_t& m) { return Mark{static_cast<int>(m.line), static_cast<int>(m.column)}; }

// The owner of one libyaml parser over a text it reads in place.
class Parser {
 public:
  Parser(std::string_view text, std::uint32_t first_line) : text_(text), first_line_(first_line) {
    if (yaml_parser_initialize(&parser_) == 0) throw BuildError{"not valid YAML: libyaml could not start", {}, {}};
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  ~Parser() { yaml_parser_delete(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next event, which the caller releases with yaml_event_delete; throws on a parse error.
  void next(yaml_event_t& event) {
    if (yaml_parser_parse(&parser_, &event) == 0) throw error();
  }

 private:
  // libyaml's own words, as go-yaml passes them on ("did not find expected key"), with the
  // construct it was reading when it helps ("while parsing a block mapping").
  BuildError error() const {
    if (parser_.error == YAML_MEMORY_ERROR) return BuildError{"not valid YAML: out of memory", {}, {}};
    std::string problem = parser_.problem ? parser_.problem : "unknown problem parsing YAML content";
    if (parser_.error == YAML_READER_ERROR) return reader_error(problem);
    std::string message = "not valid YAML: " + problem;
    if (parser_.context) {
      message += std::string(" (") + parser_.context;
      if (parser_.context_mark.line != parser_.problem_mark.line) {
        message += " that started at line " + std::to_string(parser_.context_mark.line + first_line_);
      }
      message += ")";
    }
    return BuildError{message, mark_of(parser_.problem_mark), parser_.context ? mark_of(parser_.context_mark) : Mark{}};
  }

  // Reader errors (bytes that are not UTF-8, control characters) carry a byte offset, not a mark.
  BuildError reader_error(const std::string& problem) const {
    std::size_t offset = std::min(parser_.problem_offset, text_.size());
    // A bad trailing octet is reported at itself; the character to fix starts at its lead byte.
    if (problem.find("trailing") != std::string::npos) {
      while (offset > 0 && (static_cast<unsigned char>(text_[offset - 1]) & 0xC0) == 0x80) --offset;
      if (offset > 0) --offset;
    }
    std::string_view before = text_.substr(0, offset);
    auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    // Columns count characters, as libyaml's marks do.
    auto column = static_cast<int>(support::utf8_code_points(before.substr(line_start)));
    std::string message = "not valid YAML: " + problem;
    if (parser_.problem_value >= 0 && problem.find("control") != std::string::npos) {
      char code[16];
      std::snprintf(code, sizeof code, " (0x%02X)", parser_.problem_value);
      message += code;
    }
    return BuildError{message, Mark{line, column}, {}};
  }

  std::string_view text_;
  std::uint32_t first_line_;  // the file line of the text's first line, for lines named in messages
  yaml_parser_t parser_{};
};

// Releases an event however the handling of it ends.
struct Event {
  yaml_event_t event{};
  ~Event() { yaml_event_delete(&event); }
};

// libyaml 0.2.5 also takes `%YAML 1.2`; go-yaml v2, which Kubernetes and helm parse with, takes
// only 1.1 (yaml_parser_parse_document_start in parserc.go: "found incompatible YAML document").
void require_yaml_1_1(const yaml_event_t& ev) {
  const yaml_version_directive_t* v = ev.data.document_start.version_directive;
  if (v && (v->major != 1 || v->minor != 1)) {
    throw BuildError{"not valid YAML: found incompatible YAML document (%YAML " + std::to_string(v->major) + "." +
                         std::to_string(v->minor) + "; Kubernetes reads only 1.1)",
                     mark_of(ev.start_mark),
                     {}};
  }
}

}  // namespace

Rest feed_first_document(std::string_view text, std::uint32_t first_line, DocumentBuilder& builder) {
  Parser parser(text, first_line);
  for (;;) {
    Event e;
    parser.next(e.event);
    const yaml_event_t& ev = e.event;
    switch (ev.type) {
      case YAML_STREAM_START_EVENT:
        break;
      case YAML_STREAM_END_EVENT:
        return Rest::Nothing;
      case YAML_DOCUMENT_START_EVENT:
        if (builder.complete()) return Rest::AnotherDocument;
        require_yaml_1_1(ev);
        break;
      case YAML_DOCUMENT_END_EVENT:
        break;
      case YAML_SCALAR_EVENT: {
        const auto& s = ev.data.scalar;
        builder.scalar(mark_of(ev.start_mark), text_of(s.anchor), text_of(s.tag),
                       std::string_view(reinterpret_cast<const char*>(s.value), s.length),
                       s.style == YAML_PLAIN_SCALAR_STYLE);
        break;
      }
      case YAML_ALIAS_EVENT:
        builder.alias(mark_of(ev.start_mark), text_of(ev.data.alias.anchor));
        break;
      case YAML_SEQUENCE_START_EVENT:
        builder.start(NodeType::Sequence, mark_of(ev.start_mark), text_of(ev.data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        builder.start(NodeType::Mapping, mark_of(ev.start_mark), text_of(ev.data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.end();
        break;
      case YAML_NO_EVENT:
        return Rest::Nothing;
    }
  }
}

}  // namespace chartproof::parse
