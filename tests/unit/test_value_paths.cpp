// What a template line reads from values (chart/value_paths.hpp): `.Values` paths, fields of the
// dot, and the `.Values` path an enclosing `with` makes the dot.
#include <doctest/doctest.h>

#include "chart/value_paths.hpp"

using chartproof::chart::dot_reads;
using chartproof::chart::values_read;
using chartproof::chart::with_values_path;

namespace {
using Paths = std::vector<std::vector<std::string>>;
using Path = std::vector<std::string>;
}  // namespace

TEST_CASE("values_read: .Values paths, $.Values too, not another variable's .Values") {
  CHECK(values_read("image: {{ .Values.image.repository }}:{{ $.Values.image.tag }}") ==
        Paths{{"image", "repository"}, {"image", "tag"}});
  CHECK(values_read("{{ $x.Values.a }}").empty());
  CHECK(values_read("{{ toYaml .Values | nindent 2 }}") == Paths{{}});
}

TEST_CASE("dot_reads: fields of the dot and of variables; the dot alone; none of helm's objects or $") {
  CHECK(dot_reads("{{- .resources | toYaml | nindent 12 }}") == Paths{{"resources"}});
  CHECK(dot_reads("{{ .securityContext | default .defaultValues.securityContext | toYaml }}") ==
        Paths{{"securityContext"}, {"defaultValues", "securityContext"}});
  CHECK(dot_reads("{{ toYaml $config.resources }}") == Paths{{"resources"}});
  CHECK(dot_reads("{{- toYaml . | nindent 8 }}") == Paths{{}});
  CHECK(dot_reads("{{ .Values.a }} {{ .Release.Name }} {{ $.Chart.Name }} {{ .Files.Get \"x\" }}").empty());
  CHECK(dot_reads("{{ $.name }}").empty());  // the root's field, not the dot's
  // Literal text outside actions, numbers and a field of a parenthesised expression are not reads.
  CHECK(dot_reads("app.kubernetes.io/name: {{ ((.imageOverride).tag) | default 0.5 }}") == Paths{{"imageOverride"}});
}

TEST_CASE("with_values_path: an enclosing with of .Values sets the dot; if keeps it; range and define do not") {
  const std::vector<std::string_view> lines = {
      "{{- with .Values.podSecurityContext }}",  // 1
      "securityContext:",                        // 2
      "  {{- toYaml . | nindent 8 }}",           // 3
      "  {{- if .extra }}",                      // 4
      "  {{- with .extra }}",                    // 5
      "  extra: {{ .name }}",                    // 6
      "  {{- end }}",                            // 7
      "  {{- end }}",                            // 8
      "  {{- toYaml .seLinuxOptions }}",         // 9
      "{{- end }}",                              // 10
      "{{ toYaml . }}",                          // 11
      "{{- range .Values.services }}",           // 12
      "  port: {{ .port }}",                     // 13
      "{{- end }}",                              // 14
      "{{- with .Values.a }}{{- with .b }}",     // 15
      "  x: {{ .c }}",                           // 16
  };
  CHECK(with_values_path(lines, 3) == Path{"podSecurityContext"});
  CHECK(with_values_path(lines, 6) == Path{"podSecurityContext", "extra"});
  CHECK(with_values_path(lines, 9) == Path{"podSecurityContext"});  // the inner with and if are closed
  CHECK_FALSE(with_values_path(lines, 11));                         // the root
  CHECK_FALSE(with_values_path(lines, 13));                         // a range item
  CHECK(with_values_path(lines, 16) == Path{"a", "b"});
  const std::vector<std::string_view> in_define = {"{{- with .Values.x }}", "{{- define \"d\" }}", "{{ .y }}"};
  CHECK_FALSE(with_values_path(in_define, 3));  // the include's argument
}

TEST_CASE("values_scope: subchart folders and packaged subcharts, nested") {
  using chartproof::chart::values_scope;
  CHECK(values_scope("shop", "shop/templates/a.yaml").empty());
  CHECK(values_scope("shop", "shop/charts/web/templates/a.yaml") == Path{"web"});
  CHECK(values_scope("shop", "shop/charts/web-1.0.0.tgz!/web/values.yaml") == Path{"web"});
  CHECK(values_scope("shop", "shop/charts/web-1.0.0.tgz!/web/charts/db-2.0.0.tgz!/db/templates/s.yaml") ==
        Path{"web", "db"});
  CHECK(values_scope("shop", "shop/charts/web-1.0.0.tgz!/web/charts/db/values.yaml") == Path{"web", "db"});
}
