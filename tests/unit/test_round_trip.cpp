// Source maps through `include … | fromYaml | toYaml` (chart/round_trip.hpp): which defines a line
// writes back, the key lines of a define, and which one a finding's field path names.
#include <doctest/doctest.h>

#include "chart/instrument_template.hpp"
#include "chart/round_trip.hpp"

using chartproof::chart::define_keys;
using chartproof::chart::define_spans;
using chartproof::chart::line_for_path;
using chartproof::chart::round_trip_defines;

namespace {

std::vector<std::string_view> lines_of(const std::string& text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.emplace_back(text.data() + start, end - start);
    start = end + 1;
  }
  return out;
}

const std::string kHelpers =
    "{{- define \"x.name\" -}}\n"                            // 1
    "{{ .Chart.Name }}\n"                                    // 2
    "{{- end }}\n"                                           // 3
    "{{- define \"x.pod\" -}}\n"                             // 4
    "metadata:\n"                                            // 5
    "  labels: {{- include \"x.labels\" . | nindent 4 }}\n"  // 6
    "spec:\n"                                                // 7
    "  {{- if .Values.host }}\n"                             // 8
    "  hostNetwork: true\n"                                  // 9
    "  {{- end }}\n"                                         // 10
    "  containers:\n"                                        // 11
    "    - name: app\n"                                      // 12
    "      securityContext:\n"                               // 13
    "        {{- toYaml .Values.sc | nindent 8 }}\n"         // 14
    "      \"ports\":\n"                                     // 15
    "      - containerPort: 80\n"                            // 16
    "    - name: side\n"                                     // 17
    "      securityContext:\n"                               // 18
    "        privileged: true\n"                             // 19
    "{{- end }}\n";                                          // 20

}  // namespace

TEST_CASE("define_spans: each define's name and the lines of define and end, nested blocks inside") {
  auto spans = define_spans(kHelpers);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].name == "x.name");
  CHECK(spans[0].first == 1);
  CHECK(spans[0].last == 3);
  CHECK(spans[1].name == "x.pod");
  CHECK(spans[1].first == 4);
  CHECK(spans[1].last == 20);
  auto open = define_spans("{{ define \"open\" }}\na: 1\nb: 2\n");
  REQUIRE(open.size() == 1);
  CHECK(open[0].last == 3);  // never closed: runs to the end
}

TEST_CASE("define_keys: keys nested by indentation, sequence items, quoted keys; action lines hold none") {
  auto lines = lines_of(kHelpers);
  auto keys = define_keys(lines, 4, 20);
  auto path_of = [&](std::uint32_t line) {
    std::string out;
    for (const auto& k : keys) {
      if (k.line != line) continue;
      for (const auto& key : k.keys) out += (out.empty() ? "" : ".") + std::string(key);
    }
    return out;
  };
  CHECK(path_of(5) == "metadata");
  CHECK(path_of(6) == "metadata.labels");
  CHECK(path_of(9) == "spec.hostNetwork");
  CHECK(path_of(12) == "spec.containers.name");
  CHECK(path_of(13) == "spec.containers.securityContext");
  CHECK(path_of(14).empty());
  CHECK(path_of(15) == "spec.containers.ports");
  CHECK(path_of(16) == "spec.containers.ports.containerPort");
  CHECK(path_of(19) == "spec.containers.securityContext.privileged");
}

TEST_CASE("line_for_path: the longest key run in the path, nearest its end; a tie names no line") {
  auto lines = lines_of(kHelpers);
  auto keys = define_keys(lines, 4, 20);
  using Path = std::vector<std::string_view>;
  // The field itself.
  CHECK(line_for_path(keys, Path{"spec", "template", "spec", "hostNetwork"}) == 9u);
  CHECK(line_for_path(keys, Path{"spec", "template", "spec", "containers", "securityContext", "privileged"}) == 19u);
  // Below a key the define writes with an action: two containers write `securityContext:`, so
  // which one is unknown.
  CHECK_FALSE(line_for_path(keys, Path{"spec", "template", "spec", "containers", "securityContext", "runAsUser"}));
  // A mapping that lacks a key: its own line.
  CHECK(line_for_path(keys, Path{"spec", "template", "spec", "containers", "ports"}) == 15u);
  // Nothing in common.
  CHECK_FALSE(line_for_path(keys, Path{"data", "config"}));
}

TEST_CASE("round_trip_defines: inline `include | fromYaml | toYaml`, or through a variable assigned above") {
  const std::string t =
      "{{- $pod := include \"x.pod\" . | fromYaml }}\n"                    // 1
      "{{- $other := include \"x.other\" . }}\n"                           // 2
      "template:\n"                                                        // 3
      "  {{- toYaml $pod | nindent 2 }}\n"                                 // 4
      "  {{- include \"x.inline\" . | fromYaml | toYaml | nindent 2 }}\n"  // 5
      "  {{- toYaml $other | nindent 2 }}\n"                               // 6
      "  {{- include \"x.plain\" . | nindent 2 }}\n"                       // 7
      "{{- $pod = include \"x.second\" . | fromYaml }}\n"                  // 8
      "  {{- toYaml $pod | nindent 2 }}\n";                                // 9
  auto lines = lines_of(t);
  CHECK(round_trip_defines(lines, 4) == std::vector<std::string>{"x.pod"});
  CHECK(round_trip_defines(lines, 5) == std::vector<std::string>{"x.inline"});
  CHECK(round_trip_defines(lines, 6).empty());  // $other was never parsed: its markers survive
  CHECK(round_trip_defines(lines, 7).empty());  // no toYaml
  CHECK(round_trip_defines(lines, 9) == std::vector<std::string>{"x.second"});  // the nearest assignment
  CHECK(round_trip_defines(lines, 0).empty());
  CHECK(round_trip_defines(lines, 99).empty());
}

TEST_CASE("assignments_read: the nearest assignment above of each variable a line reads") {
  const std::string t =
      "{{- $cfg := .Files.Get \"x.yaml\" | fromYaml }}\n"  // 1
      "{{- $n := 1 }}\n"                                   // 2
      "{{- $cfg = merge $cfg (dict) }}\n"                  // 3
      "{{ toYaml $cfg }} {{ $n }} {{ $unset }}\n";         // 4
  auto lines = lines_of(t);
  CHECK(chartproof::chart::assignments_read(lines, 4) == std::vector<std::uint32_t>{3, 2});
  CHECK(chartproof::chart::assignments_read(lines, 1).empty());
}
