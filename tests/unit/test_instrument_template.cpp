// Source maps: which template lines get a marker (chart/instrument_template.hpp), and that removing
// the markers gives the template back.
#include <doctest/doctest.h>

#include "chart/instrument_template.hpp"

using chartproof::chart::instrument_template;
using chartproof::chart::strip_line_markers;

namespace {
std::string marked(const std::string& text) { return instrument_template(text, 3); }
}  // namespace

TEST_CASE("literal lines and output actions end in a marker; control flow does not") {
  std::string t =
      "kind: Deployment\n"
      "{{- if .Values.enabled }}\n"
      "replicas: {{ .Values.replicas }}\n"
      "{{- end }}\n"
      "{{ toYaml .Values.resources | nindent 2 }}\n"
      "{{- $x := 1 }}\n"
      "\n";
  CHECK(marked(t) ==
        "kind: Deployment #@3:1@\n"
        "{{- if .Values.enabled }}\n"
        "replicas: {{ .Values.replicas }} #@3:3@\n"
        "{{- end }}\n"
        "{{ toYaml .Values.resources | nindent 2 }} #@3:5@\n"
        "{{- $x := 1 }}\n"
        "\n");
  CHECK(strip_line_markers(marked(t)) == t);
}

TEST_CASE("no marker where a line ends inside an action, a comment or a raw string") {
  std::string t =
      "port: {{\n"
      "  .Values.port }}\n"
      "{{/* a comment\n"
      "   over lines */}}\n"
      "cmd: {{ `a\n"
      "b` }}\n";
  CHECK(marked(t) ==
        "port: {{\n"
        "  .Values.port }} #@3:1@\n"
        "{{/* a comment\n"
        "   over lines */}}\n"
        "cmd: {{ `a\n"
        "b` }} #@3:5@\n");
}

TEST_CASE("a define that yields one line (a name) gets no marker; a YAML fragment gets `d` markers") {
  std::string t =
      "{{- define \"x.name\" -}}\n"
      "{{- .Release.Name | trunc 63 }}\n"
      "{{- end }}\n"
      "{{- define \"x.labels\" -}}\n"
      "app: web\n"
      "release: {{ .Release.Name }}\n"
      "{{- end }}\n";
  CHECK(marked(t) ==
        "{{- define \"x.name\" -}}\n"
        "{{- .Release.Name | trunc 63 }}\n"
        "{{- end }}\n"
        "{{- define \"x.labels\" -}}\n"
        "app: web #@3:5d@\n"
        "release: {{ .Release.Name }} #@3:6d@\n"
        "{{- end }}\n");
}

TEST_CASE("no marker between a plain scalar and its continuation, nor on a document separator") {
  std::string t =
      "- description: a long text that\n"
      "    goes on here\n"
      "  name: x\n"
      "---\n"
      "key: |\n"
      "  block\n";
  CHECK(marked(t) ==
        "- description: a long text that\n"
        "    goes on here #@3:2@\n"
        "  name: x #@3:3@\n"
        "---\n"
        "key: | #@3:5@\n"
        "  block #@3:6@\n");
}

TEST_CASE("strings inside actions may hold braces and quotes") {
  std::string t = "a: {{ \"}}\" | quote }}\nb: {{ printf \"%s\\\"}}\" .x }}\n";
  CHECK(marked(t) == "a: {{ \"}}\" | quote }} #@3:1@\nb: {{ printf \"%s\\\"}}\" .x }} #@3:2@\n");
  CHECK(strip_line_markers("x #@1:2@ #@4:5d@\ny #@bad@") == "x\ny #@bad@");
}

TEST_CASE("no marker on a line whose last action trims its own line break") {
  // The trim would eat the marker's blank: `cart#@2:13@` is a value, not a comment.
  std::string t =
      "{{- include \"x.service\" . -}}\n"
      "name: {{ .name -}}\n"
      "  {{ .suffix }}\n"
      "kind: Service {{- /* a comment */ -}}\n"
      "x: 1\n";
  CHECK(marked(t) ==
        "{{- include \"x.service\" . -}}\n"
        "name: {{ .name -}}\n"
        "  {{ .suffix }} #@3:3@\n"
        "kind: Service {{- /* a comment */ -}}\n"
        "x: 1 #@3:5@\n");
}
