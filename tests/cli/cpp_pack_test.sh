#!/usr/bin/env bash
# examples/cpp-pack: a program that links the library and adds a C++ rule pack. Its rules appear
# in every output format at the right line, obey a policy, a profile the pack brings and the
# chartproof.io/ignore annotation, and pass their pass/fail fixtures.
# Usage: cpp_pack_test.sh TEAM_LINT SOURCE_DIR
team_lint=$1
src=$2
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
cd "$src"
example=examples/todo-app/rendered.yaml

out=$("$team_lint" "$example"); code=$?
check "the example chart: warnings only, exit 0" 0 "$code"
check "text: the pack's rule at the replicas line" 2 \
  "$(grep -c 'rendered.yaml:\(84\|190\):[0-9]*: warning: Deployment runs 2 replicas but no PodDisruptionBudget selects its pods.*\[replicated-deployment-without-pdb\]' <<<"$out")"

json=$("$team_lint" --format json "$example")
check "JSON: rule, pack and line" "replicated-deployment-without-pdb team-web 84" \
  "$(python3 -c 'import json,sys; f=[f for f in json.load(sys.stdin)["findings"] if f["pack"]=="team-web"][0]; print(f["rule"], f["pack"], f["location"]["line"])' <<<"$json")"

sarif=$("$team_lint" --format sarif "$example")
check "SARIF: the rule is described and its results located" "True 84" \
  "$(python3 -c '
import json, sys
run = json.load(sys.stdin)["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
res = [r for r in run["results"] if r["ruleId"] == "replicated-deployment-without-pdb"]
print("replicated-deployment-without-pdb" in ids, res[0]["locations"][0]["physicalLocation"]["region"]["startLine"])' <<<"$sarif")"

out=$("$team_lint" --profile team-web --format json "$example"); code=$?
check "the pack's profile (extends strict) raises its rule to an error: exit 1" 1 "$code"
check "  and the rule's findings are errors" "error error" \
  "$(python3 -c 'import json,sys; print(*[f["severity"] for f in json.load(sys.stdin)["findings"] if f["rule"]=="replicated-deployment-without-pdb"])' <<<"$out")"

out=$("$team_lint" rules)
check "rules lists the pack's rules beside the built-in ones" 2 "$(grep -c '^\(image-from-team-registry\|replicated-deployment-without-pdb\) *team-web ' <<<"$out")"
check "  and the built-in ones" 1 "$(grep -c '^run-as-root ' <<<"$out")"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/policy.yaml" <<'POLICY'
apiVersion: chartproof.io/v1
kind: Policy
rules:
  replicated-deployment-without-pdb: {enabled: false}
  image-from-team-registry:
    params: {registry: registry.internal/}
POLICY
out=$("$team_lint" --policy "$tmp/policy.yaml" --format json "$example")
check "a policy disables one pack rule and sets the other's parameter" \
  "image-from-team-registry image-from-team-registry image-from-team-registry" \
  "$(python3 -c 'import json,sys; print(*sorted(f["rule"] for f in json.load(sys.stdin)["findings"]))' <<<"$out")"

printf 'apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  replicated-deployment-without-pdb:\n    params: {min_replicas: "two"}\n' > "$tmp/bad.yaml"
err=$("$team_lint" --policy "$tmp/bad.yaml" "$example" 2>&1 >/dev/null); code=$?
check "a wrongly typed pack parameter is a located policy error: exit 2" 2 "$code"
check "and says where" 1 "$(grep -c "bad.yaml:5:.*min_replicas" <<<"$err")"

python3 "$src/tests/cli/check_pack_fixtures.py" examples/cpp-pack/testdata -- "$team_lint" --format json || failures=$((failures + 1))

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
