#!/usr/bin/env bash
# Chart-folder mode with a real helm (scripts/get-helm.sh); fails when none can be had (helm is a requirement of the suite).
# Usage: chart_mode_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
cd "$src"

out=$("$bin" lint examples/todo-app --helm "$helm" --release todo-app -n todo-app); code=$?
check "example chart renders and is clean" "0 no findings (7 documents, 7 resources in 3 files)" "$code $(tail -1 <<<"$out")"

out=$("$bin" lint examples/todo-app --helm "$helm" --release todo-app --set backend.resources.limits=null --fail-on warning --format json); code=$?
check "--set reaches helm" 1 "$code"
check "findings point at the template" 1 "$(grep -c '"template": "todo-app/templates/backend-deployment.yaml"' <<<"$out" | awk '{print ($1 > 0)}')"

err=$("$bin" lint testdata/charts/required-value --helm "$helm" 2>&1 >/dev/null); code=$?
check "a missing required value is exit 2" 2 "$code"
check "helm's error is located at the template line" \
  "chartproof: testdata/charts/required-value/templates/deployment.yaml:14:52: helm template failed: execution error at (required-value/templates/deployment.yaml:14:52): image.tag is required: pass --set image.tag=<version>" \
  "$err"

"$bin" lint testdata/charts/required-value --helm "$helm" --set image.tag=1.0.0 >/dev/null; code=$?
check "--set satisfies the required value" 1 "$code"

"$bin" lint testdata/charts/required-value --helm "$helm" --values <(printf 'image:\n  tag: "2.0"\n') >/dev/null; code=$?
check "--values files reach helm" 1 "$code"

err=$("$bin" lint testdata/charts/template-error --helm "$helm" 2>&1 >/dev/null); code=$?
check "a template error is exit 2" 2 "$code"
check "template error located" 1 "$(grep -c '^chartproof: testdata/charts/template-error/templates/configmap.yaml:6:18: helm template failed' <<<"$err")"

err=$("$bin" lint testdata/charts --helm "$helm" --set image.tag=1.0.0 2>&1 >/dev/null); code=$?
check "a folder of charts renders each (one fails: exit 2)" 2 "$code"

err=$("$bin" lint examples/todo-app --helm /nonexistent/helm 2>&1 >/dev/null); code=$?
check "a missing helm is exit 2" "2 chartproof: examples/todo-app: cannot run /nonexistent/helm: No such file or directory; install helm or pass --helm PATH" "$code $err"

# Where a finding's value came from: the chart's values.yaml, or a -f file, at the line that set it.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r examples/todo-app "$tmp/todo-app"
sed -i 's/^  runAsUser: 1000$/  runAsUser: 0/' "$tmp/todo-app/values.yaml"
line=$(grep -n '^  runAsUser: 0$' "$tmp/todo-app/values.yaml" | cut -d: -f1)
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" --format json); code=$?
check "runAsUser 0 from values.yaml is found" 1 "$code"
# One values line sets it for three containers: one fix, so one finding that lists the three
# objects (Finding::more), and the summary counts both.
check "the finding names the values.yaml line, once for its three objects" "1 3 1 3 $tmp/todo-app/values.yaml:$line:14" \
  "$(python3 -c '
import json, sys
report = json.load(sys.stdin)
found = [f for f in report["findings"] if f["rule"] == "run-as-root" and f["value_source"]]
each = [g for f in found for g in [f] + f["more"]]
print(len(found), len(each), report["summary"]["findings"], report["summary"]["objects"],
      *sorted({"%s:%d:%d" % (v["file"], v["line"], v["column"]) for v in (g["value_source"] for g in each)}))' <<<"$out")"
printf 'podSecurityContext:\n  runAsUser: 0\n' > "$tmp/override.yaml"
out=$("$bin" lint examples/todo-app --helm "$helm" -f "$tmp/override.yaml" --format text)
check "a -f file wins over values.yaml as the value's source" 1 \
  "$(grep -c "^$tmp/override.yaml:2:14: error: container \"backend\" runs as UID 0 (root), which its runAsNonRoot: true forbids: the kubelet refuses to start it \[run-as-root\]$" <<<"$out")"
check "the text lists the other objects of the same fix beneath" "1 2" \
  "$(grep -c '^  and 2 more at this line:$' <<<"$out") $(grep -cE '^    (Deployment "default/release-name-frontend"|Job "default/release-name-migrate") from examples/todo-app/templates/[a-z-]+.yaml: container "(frontend|migrate)" runs as UID 0' <<<"$out")"
check "and the summary counts findings and objects" 1 "$(grep -c '^1 finding on 3 objects (1 error, 0 warnings, 0 info)' <<<"$out")"
check "the template line that wrote the value is named beneath" 1 \
  "$(grep -c "^  written by examples/todo-app/templates/backend-deployment.yaml:28:9$" <<<"$out")"
check "and the render position" 1 "$(grep -cE "^  rendered at line [0-9]+:[0-9]+ of helm template examples/todo-app$" <<<"$out" | awk '{print ($1 > 0)}')"

# The chart pack: a default secret in values.yaml, a literal in a Secret template, Chart.yaml.
printf '\nadminPassword: "Wq8zLk2pXv7r"\n' >> "$tmp/todo-app/values.yaml"
line=$(grep -n '^adminPassword:' "$tmp/todo-app/values.yaml" | cut -d: -f1)
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" -q); code=$?
check "plaintext-secret-in-values at its values.yaml line" 1 \
  "$(grep -c "^$tmp/todo-app/values.yaml:$line:16: error: values key \"adminPassword\" holds a literal secret (\"Wq8z…\")" <<<"$out")"
check "the secret is never printed in full" 0 "$(grep -c 'Wq8zLk2pXv7r' <<<"$out")"
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" --format junit)
# (one testcase per rule whose subject is the chart: invalid-chart-yaml, invalid-app-version,
# invalid-values-yaml, plaintext-secret-in-values, legacy-chart-api-version, and
# hardcoded-secret-data and release-name-overflow, which compare two renders of the chart; their
# findings go to the resources')
check "JUnit: chart-level rules are one testcase per chart, not per resource" "7 0 1" \
  "$(grep -c "name=\"[a-z-]* chart $tmp/todo-app\"" <<<"$out") $(grep -c 'name="invalid-chart-yaml [A-Z]' <<<"$out") $(grep -c '<failure type="error" message="values key' <<<"$out")"
printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-admin\nstringData:\n  password: {{ .Values.adminPassword | quote }}\n  generated: {{ randAlphaNum 20 | quote }}\n' \
  > "$tmp/todo-app/templates/admin-secret.yaml"
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" --format json)
check "hardcoded-secret-data: the default from values.yaml, not the generated one" \
  '1 stringData.password' "$(python3 -c 'import json,sys; f=[f for f in json.load(sys.stdin)["findings"] if f["rule"]=="hardcoded-secret-data"]; print(len(f), *[x["path"] for x in f])' <<<"$out")"
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" --set adminPassword=Xy7pQ2mZ9wLk --format json)
check "a password supplied with --set is not reported as baked in" 0 \
  "$(python3 -c 'import json,sys; print(sum(f["rule"]=="hardcoded-secret-data" for f in json.load(sys.stdin)["findings"]))' <<<"$out")"
mv "$tmp/todo-app/Chart.yaml" "$tmp/Chart.yaml.away"
out=$("$bin" lint "$tmp/todo-app" --helm "$helm" -q); code=$?
check "a chart folder without Chart.yaml is reported, not read as YAML" "1 $tmp/todo-app/Chart.yaml:1:1: error: the folder has templates/ and values.yaml but no Chart.yaml: helm does not treat it as a chart [invalid-chart-yaml]" \
  "$code $(grep -v plaintext-secret <<<"$out")"

# Charts in one run are separate releases: two copies of one chart never meet in duplicate-resource
# or overlapping-selectors, and a chart helm cannot render fails the run without hiding the others.
mkdir -p "$tmp/fleet"
cp -r examples/todo-app "$tmp/fleet/a"
cp -r examples/todo-app "$tmp/fleet/b"
cp -r testdata/charts/template-error "$tmp/fleet/c"
sed -i 's/^  runAsUser: 1000$/  runAsUser: 0/' "$tmp/fleet/b/values.yaml"
out=$("$bin" lint "$tmp/fleet" --helm "$helm" -q 2>"$tmp/fleet.err"); code=$?
check "a chart that cannot render is exit 2 at the end" 2 "$code"
check "the other charts' findings are all printed" 1 "$(grep -c "^$tmp/fleet/b/values.yaml:[0-9]*:14: error: .*\[run-as-root\] in Deployment \"default/release-name-backend\" (and 2 more: Deployment \"default/release-name-frontend\", Job \"default/release-name-migrate\")$" <<<"$out")"
check "two charts are two releases: no finding between them" 0 "$(grep -cE 'duplicate-resource|overlapping-selectors' <<<"$out")"
check "the broken chart is named on stderr" 1 "$(grep -c "^chartproof: $tmp/fleet/c/templates/configmap.yaml:6:18: helm template failed" "$tmp/fleet.err")"

# A baseline for a chart that already has findings: adopting chartproof on it.
adopt=$tmp/adopt
cp -r examples/todo-app "$adopt"
rm -f "$adopt"/rendered*.yaml
sed -i 's/  runAsUser: 1000/  runAsUser: 0/' "$adopt/values.yaml"
lint_adopt() { "$bin" lint "$adopt" --helm "$helm" --release todo-app -n todo-app "$@"; }
lint_adopt -q >/dev/null; code=$?
check "the chart to adopt has errors" 1 "$code"
err=$(lint_adopt -q --write-baseline "$tmp/baseline.json" 2>&1 >/dev/null); code=$?
check "--write-baseline passes and says what it wrote" "0 chartproof: wrote 3 findings to the baseline $tmp/baseline.json" "$code $err"
out=$(lint_adopt --baseline "$tmp/baseline.json" --summary); code=$?
check "with the baseline the same chart passes" 0 "$code"
check "--summary lists the baselined findings" 1 "$(grep -c '^baselined: 3 findings the baseline holds, not counted (run-as-root 3)$' <<<"$out")"
# Unrelated edits move every line of values.yaml and of a template: the baseline still matches.
sed -i '1i # Owned by the todo team.\n# Ask in #todo before changing the probes.' "$adopt/values.yaml"
sed -i '1i {{- /* reviewed 2026-12 */ -}}' "$adopt/templates/backend-deployment.yaml"
lint_adopt --baseline "$tmp/baseline.json" -q >/dev/null; code=$?
check "the baseline survives edits that move lines" 0 "$code"
# A new problem is reported, and only it.
sed -i 's/readOnlyRootFilesystem: true/readOnlyRootFilesystem: true\n  privileged: true/' "$adopt/values.yaml"
out=$(lint_adopt --baseline "$tmp/baseline.json" -q); code=$?
check "a new finding fails the run" 1 "$code"
check "only the new findings are reported" "privileged-container" \
  "$(grep -o '\[[a-z-]*\] in ' <<<"$out" | sed 's/^\[\(.*\)\] in $/\1/' | grep -v '^privilege-escalation-allowed$' | sort | xargs)"
check "one finding for the three containers the values line makes privileged" 1 \
  "$(grep -c '\[privileged-container\] in Deployment "todo-app/todo-app-backend" (and 2 more: ' <<<"$out")"
# A fixed finding leaves a stale entry, reported at its line in the baseline (info: the run passes).
sed -i 's/  runAsUser: 0/  runAsUser: 1000/; /privileged: true/d' "$adopt/values.yaml"
out=$(lint_adopt --baseline "$tmp/baseline.json" -q); code=$?
check "fixed findings pass" 0 "$code"
check "each fixed finding's entry is stale" 3 "$(grep -c "^$tmp/baseline.json:[0-9]*:5: info: baseline entry for run-as-root on [A-Za-z]* todo-app/.* no longer occurs" <<<"$out")"
printf '{"version": 1, "findings": [{"rule": "run-as-root"}]}' > "$tmp/broken-baseline.json"
err=$(lint_adopt --baseline "$tmp/broken-baseline.json" 2>&1 >/dev/null); code=$?
check "a broken baseline is exit 2, located" "2 1" "$code $(grep -c "^chartproof: $tmp/broken-baseline.json:1:29: missing required field \"fingerprint\"" <<<"$err")"
err=$(lint_adopt --write-baseline /nonexistent/dir/baseline.json 2>&1 >/dev/null); code=$?
check "an unwritable baseline is exit 2" "2 1" "$code $(grep -c 'cannot write the baseline' <<<"$err")"

# --api-versions reaches helm: a template that renders only where the cluster serves an API.
mkdir -p "$tmp/capabilities/templates"
printf 'apiVersion: v2\nname: capabilities\nversion: 0.1.0\n' > "$tmp/capabilities/Chart.yaml"
printf '{}\n' > "$tmp/capabilities/values.yaml"
cat > "$tmp/capabilities/templates/monitor.yaml" <<'TPL'
apiVersion: v1
kind: ConfigMap
metadata:
  name: always
{{- if .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: only-with-prometheus-operator
{{- end }}
TPL
resources() { "$bin" lint "$tmp/capabilities" --helm "$helm" --format json "$@" | grep -m1 '"resources"' | tr -dc 0-9; }
check "without --api-versions the conditional object is not rendered" 1 "$(resources)"
check "--api-versions passes through to helm" 2 "$(resources --api-versions monitoring.coreos.com/v1)"


# Charts render as on a cluster of the target version (issue 28): `.Capabilities.APIVersions` holds
# every apiVersion and apiVersion/kind the bundled OpenAPI data serves, so a chart that asks for
# policy/v1/PodDisruptionBudget (traefik, with podDisruptionBudget.enabled) renders policy/v1 as
# `helm install` would, not helm template's policy/v1beta1 fallback (a false removed-api-version).
cat > "$tmp/capabilities/templates/pdb.yaml" <<'TPL'
{{- if .Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget" }}
apiVersion: policy/v1
{{- else }}
apiVersion: policy/v1beta1
{{- end }}
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
TPL
check "plain helm template falls back to policy/v1beta1" 1 "$("$helm" template x "$tmp/capabilities" | grep -c 'apiVersion: policy/v1beta1')"
for v in 1.28 1.36; do
  out=$("$bin" lint "$tmp/capabilities" --helm "$helm" --kube-version "$v" --format json)
  check "rendered for $v as its cluster would: policy/v1, no removed-api-version" "1 0 0" \
    "$(grep -c '"apiVersion": "policy/v1"' <<<"$out" | awk '{print ($1 > 0)}') $(grep -c 'policy/v1beta1' <<<"$out") $(grep -c '"rule": "removed-api-version"' <<<"$out")"
done
check "the user's --api-versions still reach helm beside the built-in ones" 3 \
  "$(resources --api-versions monitoring.coreos.com/v1)"

# `helm template -f prod.yaml | chartproof lint - --chart DIR`: the same -f maps findings to the prod
# file's line; without it, the run says once which documents differ instead of mapping silently.
printf 'podSecurityContext:\n  runAsUser: 0\n' > "$tmp/prod.yaml"
"$helm" template examples/todo-app -f "$tmp/prod.yaml" > "$tmp/prod-render.yaml"
out=$("$bin" lint - --chart examples/todo-app --helm "$helm" -f "$tmp/prod.yaml" -q < "$tmp/prod-render.yaml" 2>"$tmp/piped.err")
check "--chart with the same -f: run-as-root at the prod file's line" 1 \
  "$(grep -c "^$tmp/prod.yaml:2:14: error: .*\[run-as-root\]" <<<"$out")"
check "--chart with the same -f: no note" 0 "$(grep -c 'note:' "$tmp/piped.err")"
out=$("$bin" lint - --chart examples/todo-app --helm "$helm" -q < "$tmp/prod-render.yaml" 2>"$tmp/piped.err")
check "--chart without the -f that made the input: one note naming the differing templates" \
  "1 1" "$(grep -c "^chartproof: note: <stdin>: differs from chartproof's own render of examples/todo-app" "$tmp/piped.err") $(grep -c 'frontend-deployment.yaml, todo-app/templates/migration-job.yaml;' "$tmp/piped.err")"
# A template with a random value renders differently each time: that alone is no difference.
mkdir -p "$tmp/random" && cp -r examples/todo-app "$tmp/random/"
printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-token\nstringData:\n  token: {{ randAlphaNum 16 | quote }}\n' \
  > "$tmp/random/todo-app/templates/token.yaml"
"$bin" lint <("$helm" template "$tmp/random/todo-app") --chart "$tmp/random/todo-app" --helm "$helm" -q >/dev/null 2>"$tmp/piped.err"
check "a random value is not a difference" 0 "$(grep -c 'note:' "$tmp/piped.err")"

if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
