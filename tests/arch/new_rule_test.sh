#!/usr/bin/env bash
# scripts/new-rule.py on a copy of the tree: it writes a rule that compiles, fixtures whose fail.yaml
# expects the rule, and one registration in the pack's pack.cpp; a second run, a bad id and an
# unknown pack are refused (exit 2).
# Usage: new_rule_test.sh SOURCE_DIR
set -uo pipefail
src=$1
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/lib" "$src/testdata" "$work/"
out=$(python3 "$src/scripts/new-rule.py" replica-count-too-high rollout --root "$work"); code=$?
check "it writes the rule, the fixtures and the registration" "0 4" "$code $(wc -l <<<"$out")"
check "fail.yaml expects the rule" 1 "$(grep -c '# expect: replica-count-too-high$' "$work/testdata/rules/replica-count-too-high/fail.yaml")"
check "pass.yaml expects nothing" 0 "$(grep -c '# expect:' "$work/testdata/rules/replica-count-too-high/pass.yaml")"
check "one declaration and one entry in rollout/pack.cpp" "1 1" \
  "$(grep -c '^RuleDefinition replica_count_too_high_rule();' "$work/lib/src/rules/rollout/pack.cpp") $(grep -c '^      replica_count_too_high_rule(),$' "$work/lib/src/rules/rollout/pack.cpp")"
for f in rules/rollout/replica_count_too_high.cpp rules/rollout/pack.cpp; do
  g++ -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Wno-missing-field-initializers -I"$work/lib/include" -I"$work/lib/src" "$work/lib/src/$f" 2>"$work/cc.err"
  check "$f compiles" "0 " "$? $(head -c 300 "$work/cc.err")"
done
python3 "$src/scripts/new-rule.py" replica-count-too-high rollout --root "$work" >/dev/null 2>&1
check "a rule that exists is refused" 2 "$?"
python3 "$src/scripts/new-rule.py" Replica_Count rollout --root "$work" >/dev/null 2>&1
check "a bad id is refused" 2 "$?"
python3 "$src/scripts/new-rule.py" some-rule nosuchpack --root "$work" >/dev/null 2>&1
check "an unknown pack is refused" 2 "$?"
[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
