// chartproof fix's text edits (fix/text_edit.hpp) and where a finding's fix goes in a file
// (fix/plan_edit.hpp).
#include <doctest/doctest.h>

#include "fix/plan_edit.hpp"
#include "fix/text_edit.hpp"

using chartproof::FieldFix;
using chartproof::Finding;
using chartproof::fix::apply_edits;
using chartproof::fix::merge_edits;
using chartproof::fix::plan_edit;
using chartproof::fix::TextEdit;
using chartproof::fix::unified_diff;
using chartproof::fix::values_block_below;

namespace {
Finding finding(std::uint32_t line, std::uint32_t column, std::string path, FieldFix fix) {
  Finding f;
  f.file = "values.yaml";
  f.line = line;
  f.column = column;
  f.path = std::move(path);
  f.fix = std::move(fix);
  return f;
}
}  // namespace

TEST_CASE("apply_edits: a value replaced in place, lines inserted after one; a shared line refused") {
  const std::string text = "a: 1  # one\nb:\n  c: 2\n";
  auto out = apply_edits(text, {TextEdit{1, 4, 1, "9", {}}, TextEdit{2, 0, 0, "", {"  d: 3"}}});
  REQUIRE(out);
  CHECK(*out == "a: 9  # one\nb:\n  d: 3\n  c: 2\n");
  CHECK_FALSE(apply_edits(text, {TextEdit{1, 4, 1, "9", {}}, TextEdit{1, 1, 1, "x", {}}}));
  CHECK_FALSE(apply_edits(text, {TextEdit{9, 0, 0, "", {"x"}}}));
  CHECK(*apply_edits("k: v", {TextEdit{1, 4, 1, "w", {}}}) == "k: w");  // no final line break kept so
}

TEST_CASE("merge_edits: insertions under one key share it; different replacements clash") {
  TextEdit a{5, 0, 0, "", {"  securityContext:", "    runAsNonRoot: true"}};
  TextEdit b{5, 0, 0, "", {"  securityContext:", "    seccompProfile:", "      type: RuntimeDefault"}};
  auto both = merge_edits(a, b);
  REQUIRE(both);
  CHECK(both->insert_after == std::vector<std::string>{"  securityContext:", "    runAsNonRoot: true",
                                                       "    seccompProfile:", "      type: RuntimeDefault"});
  CHECK(merge_edits(a, a) == a);
  CHECK_FALSE(merge_edits(TextEdit{1, 4, 1, "9", {}}, TextEdit{1, 4, 1, "8", {}}));
}

TEST_CASE("merge_edits: a key shared anywhere in what is merged so far is followed, not written twice") {
  // A container lacking both blocks: its securityContext fixes merge first, then each resources
  // fix must find `resources:` (and `limits:`) after them (hello-world, strict).
  TextEdit merged{19, 0, 0, "", {"  securityContext:", "    runAsNonRoot: true"}};
  for (const auto& chain : std::vector<std::vector<std::string>>{{"  resources:", "    limits:", "      cpu: 1"},
                                                                 {"  resources:", "    requests:", "      cpu: 100m"},
                                                                 {"  resources:", "    limits:", "      memory: 512Mi"},
                                                                 {"  securityContext:", "    runAsNonRoot: true"}}) {
    auto next = merge_edits(merged, TextEdit{19, 0, 0, "", chain});
    REQUIRE(next);
    merged = *next;
  }
  CHECK(merged.insert_after == std::vector<std::string>{"  securityContext:", "    runAsNonRoot: true",
                                                        "  resources:", "    limits:", "      cpu: 1",
                                                        "      memory: 512Mi", "    requests:", "      cpu: 100m"});
  // One key, two values; or a value where the other writes a mapping: they clash.
  CHECK_FALSE(merge_edits(merged, TextEdit{19, 0, 0, "", {"  securityContext:", "    runAsNonRoot: false"}}));
  CHECK_FALSE(merge_edits(merged, TextEdit{19, 0, 0, "", {"  resources: {}"}}));
}

TEST_CASE("unified_diff: hunks with three lines of context, absolute paths as they are") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
  CHECK(unified_diff("v.yaml", before, after) ==
        "--- a/v.yaml\n+++ b/v.yaml\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  CHECK(unified_diff("/abs/v.yaml", "a\n", "a\nb\n") == "--- /abs/v.yaml\n+++ /abs/v.yaml\n@@ -1,1 +1,2 @@\n a\n+b\n");
  CHECK(unified_diff("v.yaml", before, before).empty());
}

TEST_CASE("plan_edit: the value replaced with its comment kept; quoted values whole; actions left alone") {
  const std::string values = "sc:\n  allowPrivilegeEscalation: true  # why\n  runAsUser: \"0\"\n  x: {{ .Values.y }}\n";
  auto p =
      plan_edit(finding(2, 29, "spec.containers[0].securityContext.allowPrivilegeEscalation", {{}, "false"}), values);
  REQUIRE(p.edit);
  CHECK(*apply_edits(values, {*p.edit}) ==
        "sc:\n  allowPrivilegeEscalation: false  # why\n  runAsUser: \"0\"\n  x: {{ .Values.y }}\n");
  auto q = plan_edit(finding(3, 14, "spec.containers[0].securityContext.runAsUser", {{}, "1000"}), values);
  REQUIRE(q.edit);
  CHECK(q.edit->length == 3);
  auto r = plan_edit(finding(4, 6, "x", {{}, "1"}), values);
  CHECK_FALSE(r.edit);
  CHECK(r.why_not.find("action") != std::string::npos);
  Finding judgement = finding(2, 29, "p", {{}, "x"});
  judgement.fix.reset();
  CHECK_FALSE(plan_edit(judgement, values).edit);
}

TEST_CASE("plan_edit: missing keys under the closest key at its children's indentation, `{}` opened") {
  const std::string text = "spec:\n  securityContext:\n      runAsNonRoot: true\n  resources: {}\n";
  auto p = plan_edit(finding(2, 3, "spec.securityContext.seccompProfile", {{"type"}, "RuntimeDefault"}), text);
  REQUIRE(p.edit);
  CHECK(*apply_edits(text, {*p.edit}) ==
        "spec:\n  securityContext:\n      seccompProfile:\n        type: RuntimeDefault\n      runAsNonRoot: true\n"
        "  resources: {}\n");
  auto q = plan_edit(finding(4, 3, "spec.resources.limits.memory", {{}, "256Mi"}), text);
  REQUIRE(q.edit);
  CHECK(*apply_edits(text, {*q.edit}) ==
        "spec:\n  securityContext:\n      runAsNonRoot: true\n  resources:\n    limits:\n      memory: 256Mi\n");
  // A list item that lacks the field: under the item's first key, at its indentation.
  const std::string item = "containers:\n  - name: web\n    image: x\n";
  auto r = plan_edit(finding(2, 5, "spec.containers[0].securityContext.runAsNonRoot", {{}, "true"}), item);
  REQUIRE(r.edit);
  CHECK(*apply_edits(item, {*r.edit}) ==
        "containers:\n  - name: web\n    securityContext:\n      runAsNonRoot: true\n    image: x\n");
  // A flow mapping is left to a person.
  CHECK_FALSE(plan_edit(finding(1, 1, "a.b", {{}, "1"}), "a: {c: 2}\n").edit);
}

TEST_CASE("plan_edit: keys of the path the mapping already has are followed, not written twice") {
  // apiResources stands for the template's `resources:` (anchor); its `limits:` exists.
  const std::string values = "apiResources:\n  # why\n  limits:\n    cpu: 500m\nother: 1\n";
  auto p = plan_edit(finding(1, 1, "spec.containers[0].resources.limits.memory", {{}, "512Mi"}), values, "resources");
  REQUIRE(p.edit);
  CHECK(*apply_edits(values, {*p.edit}) ==
        "apiResources:\n  # why\n  limits:\n    memory: 512Mi\n    cpu: 500m\nother: 1\n");
  // A child written inline is not followed: the keys then go in as a block of their own.
  const std::string inline_limits = "resources:\n  limits: {cpu: 1}\n";
  auto q = plan_edit(finding(1, 1, "spec.resources.limits.memory", {{}, "1Gi"}), inline_limits);
  REQUIRE(q.edit);
  CHECK(q.edit->line == 1);
}

TEST_CASE("values_block_below: the values entry a template writes under a key with toYaml") {
  const std::string t = "securityContext:\n  {{- toYaml .Values.worker.securityContext | nindent 2 }}\nx:\n  y: 1\n";
  CHECK(values_block_below(t, 1) == std::vector<std::string>{"worker", "securityContext"});
  CHECK(values_block_below(t, 3).empty());
  // The older style: the action alone at column 1, its `indent` placing the block (kube-state-metrics).
  const std::string older = "        resources:\n{{ toYaml .Values.resources | indent 10 }}\n        next: 1\n";
  CHECK(values_block_below(older, 1) == std::vector<std::string>{"resources"});
  // A key at column 1 of a line that is not an action is a sibling, not the block.
  CHECK(values_block_below("  a:\nb: {{ toYaml .Values.b }}\n", 1).empty());
}
