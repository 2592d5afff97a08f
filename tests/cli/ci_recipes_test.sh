#!/usr/bin/env bash
# Runs every `chartproof …` and `helm template …` command line of docs/ci.md's code blocks, as written,
# in a copy of the repository. Skips (77) without helm. Usage: ci_recipes_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/repo"
ln -s "$bin" "$work/bin/chartproof"
ln -s "$helm" "$work/bin/helm"
cp -r "$src/examples" "$work/repo/"
export PATH="$work/bin:$PATH"
cd "$work/repo"
# Command lines inside fenced blocks; YAML `- ` and `run: |` prefixes are part of the recipe, not the command.
commands=$(awk '/^```/ { inside = !inside; next } inside' "$src/docs/ci.md" \
  | sed -E 's/^[[:space:]]*(- )?//' | grep -E '^(chartproof|helm template) ')
count=0; failures=0
while IFS= read -r cmd; do
  count=$((count + 1))
  if bash -o pipefail -c "$cmd" > out.txt 2>&1; then echo "ok: $cmd"; else echo "FAIL ($?): $cmd"; cat out.txt; failures=$((failures + 1)); fi
done <<<"$commands"
[ "$count" -ge 3 ] || { echo "FAIL: expected at least 3 recipe commands in docs/ci.md, found $count"; exit 1; }
python3 -c "import json; d = json.load(open('chartproof.sarif')); assert d['version'] == '2.1.0'" || failures=$((failures + 1))
grep -q '<testsuites name="chartproof"' chartproof-junit.xml || { echo "FAIL: no JUnit report"; failures=$((failures + 1)); }
# The shell gate fails on a chart helm cannot render: with pipefail (helm's status), and without it
# (chartproof reads an empty input: exit 2, never a pass).
gate=$(grep -E '^helm template .*\| chartproof lint -' "$src/docs/ci.md" | head -1)
grep -qx 'set -o pipefail' "$src/docs/ci.md" || { echo "FAIL: the shell gate does not set -o pipefail"; failures=$((failures + 1)); }
cp -r examples/todo-app broken-chart
printf '{{ .Values.nope.missing }}\n' > broken-chart/templates/broken.yaml
broken_gate=${gate//examples\/todo-app/broken-chart}
bash -o pipefail -c "$broken_gate" > out.txt 2>&1; code=$?
[ "$code" -ne 0 ] && echo "ok: the shell gate fails on a chart helm cannot render (exit $code)" \
  || { echo "FAIL: the shell gate passed a chart helm cannot render"; failures=$((failures + 1)); }
bash -c "$broken_gate" > out.txt 2>&1; code=$?
# (chartproof renders the --chart folder itself too: helm's error, located, or the empty input.)
grep -q "no Kubernetes objects in the input\|helm template failed" out.txt && [ "$code" -eq 2 ] \
  && echo "ok: without pipefail, chartproof's empty input is exit 2" \
  || { echo "FAIL: without pipefail the gate exited $code"; cat out.txt; failures=$((failures + 1)); }
# The shell gate's SARIF lands on the chart's files, never on standard input (a chart with a finding:
# the example's pods run as UID 0).
cp -r examples/todo-app root-chart
sed -i 's/^  runAsUser: 1000$/  runAsUser: 0/' root-chart/values.yaml
root_gate=${gate//examples\/todo-app/root-chart}
bash -o pipefail -c "${root_gate/--fail-on error/--fail-on never --format sarif=gate.sarif}" > out.txt 2>&1
python3 - <<'PY' || { echo "FAIL: the shell gate's SARIF names standard input"; cat out.txt; failures=$((failures + 1)); }
import json
uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
        for run in json.load(open("gate.sarif"))["runs"] for r in run["results"] for loc in r["locations"]}
assert uris and not any("stdin" in u for u in uris), uris
assert "root-chart/values.yaml" in uris, uris
print("ok: the shell gate's SARIF points at", sorted(uris)[0], "and", len(uris) - 1, "more")
PY
echo "$count recipe commands ran"
[ "$failures" -eq 0 ]
