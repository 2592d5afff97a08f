#!/usr/bin/env bash
# chartproof audit over a small fleet: chart folders, a .tgz and a glob, two environments, two
# Kubernetes versions. Each task's report is exactly `chartproof lint` of that combination; a task
# helm cannot render fails alone, located; --jobs does not change the output; bad matrix files are
# located errors.
# Usage: audit_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/lib/check.sh"
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
cd "$work"
mkdir -p fleet/charts fleet/packaged
cp -r "$src/testdata/charts/source-map" fleet/charts/web
cp -r "$src/examples/todo-app" fleet/charts/todo
cp -r "$src/testdata/charts/required-value" fleet/charts/pinned
printf 'image:\n  tag: "1.0"\n' >fleet/charts/pinned/values-prod.yaml
printf 'image:\n  tag: "1.0"\n' >fleet/charts/web/values-prod.yaml
printf 'backend:\n  replicas: 1\n' >fleet/charts/todo/values-prod.yaml
(cd fleet/packaged && "$helm" package ../charts/todo >/dev/null)
cat >fleet/matrix.yaml <<'YAML'
kubeVersions: ["1.30.0", "1.33.0"]
charts:
  - path: charts/*
    environments:
      default: []
      prod: [values-prod.yaml]
  - path: packaged/*.tgz
YAML

"$bin" audit fleet/matrix.yaml --helm "$helm" --jobs 2 --format text --format json=audit.json --format sarif=audit.sarif >summary.txt 2>err.txt
code=$?
check "a failed task fails the audit (exit 2) after the reports are written" 2 "$code"
check "stderr says how many tasks failed" "chartproof: 2 of 14 tasks could not be linted (their errors are in the report)" "$(cat err.txt)"
check "summary counts the tasks" \
  "audit: 14 tasks (4 charts x 2 environments x 2 Kubernetes versions), 12 linted, 2 failed" "$(head -1 summary.txt)"
check "summary names the failed task and its located error" 1 \
  "$(grep -c '^  fleet/charts/pinned@default@1.30.0: fleet/charts/pinned/templates/deployment.yaml:14:52: helm template failed' summary.txt)"

# Every task's report equals `chartproof lint` of its combination, byte for byte.
python3 - "$bin" "$helm" <<'PY' >compare.txt
import json, subprocess, sys
bin, helm = sys.argv[1], sys.argv[2]
audit = json.load(open("audit.json"))
same = differ = 0
for t in audit["tasks"]:
    if t["status"] != "ok":
        continue
    argv = [bin, "lint", t["chart"], "--helm", helm, "--kube-version", t["kube_version"], "--format", "json", "--fail-on", "never"]
    for v in t["values"]:
        argv += ["-f", v]
    out = subprocess.run(argv, capture_output=True, text=True).stdout
    if json.loads(out) == t["report"]:
        same += 1
    else:
        differ += 1
        print("differs:", t["id"])
print(f"{same} same, {differ} differ")
PY
check "each task's report is chartproof lint of its combination" "12 same, 0 differ" "$(tail -1 compare.txt)"
check "the .tgz task names its members" 2 \
  "$(grep -c '"dir": "fleet/packaged/todo-app-0.3.0.tgz!/todo-app"' audit.json)"
check "an environment's values file reaches helm (pinned@prod renders)" "ok ok" \
  "$(python3 -c "import json; d={t['id']: t['status'] for t in json.load(open('audit.json'))['tasks']}; print(d['fleet/charts/pinned@prod@1.30.0'], d['fleet/charts/pinned@prod@1.33.0'])")"
check "the JSON totals add up the tasks' summaries" ok "$(python3 -c "
import json; d=json.load(open('audit.json'))
s={k: sum(t['report']['summary'][k] for t in d['tasks'] if t['report']) for k in ('error','warning','info')}
print('ok' if all(s[k]==d['summary'][k] for k in s) and d['summary']['tasks']==len(d['tasks']) else (s, d['summary']))")"

# SARIF: a run per task, named by automationDetails.id, valid against the SARIF 2.1.0 schema.
check "SARIF has a run per task with the task's id" "14 14" \
  "$(python3 -c "
import json; s=json.load(open('audit.sarif')); ids={r['automationDetails']['id'] for r in s['runs']}
print(len(s['runs']), len(ids))")"
check "a failed task's run carries its error" "False 1" \
  "$(python3 -c "
import json; s=json.load(open('audit.sarif'))
r=[r for r in s['runs'] if r['automationDetails']['id']=='fleet/charts/pinned@default@1.30.0/'][0]
print(r['invocations'][0]['executionSuccessful'], len(r['invocations'][0]['toolExecutionNotifications']))")"
shared=$src/../shared
if [ -f "$shared/schemas/sarif-schema-2.1.0.json" ]; then
  check "the SARIF is valid SARIF 2.1.0" ok "$(python3 -c "
import json, jsonschema; jsonschema.validate(json.load(open('audit.sarif')), json.load(open('$shared/schemas/sarif-schema-2.1.0.json'))); print('ok')" 2>&1 | tail -1)"
fi

# The output does not depend on --jobs.
"$bin" audit fleet/matrix.yaml --helm "$helm" --jobs 1 --format text --format json=serial.json --format sarif=serial.sarif >serial.txt 2>/dev/null
check "--jobs 1 gives the same JSON" "$(md5sum <audit.json)" "$(md5sum <serial.json)"
check "--jobs 1 gives the same SARIF" "$(md5sum <audit.sarif)" "$(md5sum <serial.sarif)"
check "--jobs 1 gives the same summary" "$(md5sum <summary.txt)" "$(md5sum <serial.txt)"

# Without the failing environment the gate is the findings': exit 1 on errors or warnings.
cat >clean.yaml <<YAML
charts:
  - path: fleet/charts/todo
YAML
"$bin" audit clean.yaml --helm "$helm" --progress never >/dev/null 2>&1; code=$?
check "a clean fleet passes" 0 "$code"
printf 'kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: fleet/charts/web\n' >warnings.yaml
"$bin" audit warnings.yaml --helm "$helm" --fail-on warning >/dev/null 2>&1; code=$?
check "--fail-on counts every task's findings" 1 "$code"
"$bin" audit warnings.yaml --helm "$helm" --fail-on never >/dev/null 2>&1; code=$?
check "--fail-on never passes" 0 "$code"
"$bin" audit clean.yaml --helm "$helm" --progress always 2>progress.txt >/dev/null
check "--progress always draws the bar on stderr" 1 "$(grep -c '1/1 tasks' progress.txt)"

# A worker that returns garbage (issue 27): the Dask engine's results are read back, and a task whose
# report cannot be read is a failed task everywhere (exit 2, summary, JSON, SARIF, HTML), never a
# clean one. A stand-in for `python -m chartproof.fleet` prints the results: one good, one garbage.
"$bin" audit clean.yaml --helm "$helm" --progress never --format json=good.json >/dev/null 2>&1
cat >fake-python <<'SH'
#!/usr/bin/env bash
exec python3 - "$FAKE_DIR" <<'PY'
import json, subprocess, sys
d = sys.argv[1]
good = json.load(open(d + "/good.json"))["tasks"][0]
task = {k: good[k] for k in ("id", "chart", "environment", "values", "kube_version", "policy")}
report = json.dumps(good["report"])
sarif = json.dumps({"version": "2.1.0", "runs": []})
bad_task = dict(task, id="fleet/charts/todo@garbage@default", environment="garbage")
print(json.dumps([
    {"task": task, "error": "", "report": report, "sarif": sarif, "details": []},
    {"task": bad_task, "error": "", "report": '{"summary": {"error": 0', "sarif": "", "details": []},
]))
PY
SH
chmod +x fake-python
FAKE_DIR=$work "$bin" audit clean.yaml --scheduler tcp://127.0.0.1:1 --python ./fake-python --fail-on never \
  --format text --format json=garbage.json --format sarif=garbage.sarif --format html=garbage.html \
  >garbage.txt 2>garbage-err.txt; code=$?
check "a task whose report cannot be read back fails the audit (exit 2)" 2 "$code"
check "stderr counts it as failed" 1 "$(grep -c '1 of 2 tasks could not be linted' garbage-err.txt)"
check "the summary names it as failed" 1 "$(grep -c "fleet/charts/todo@garbage@default.*could not be read back" garbage.txt)"
check "the JSON marks it failed and counts it" "failed 1" "$(python3 -c "
import json; d = json.load(open('garbage.json'))
print([t['status'] for t in d['tasks'] if t['environment'] == 'garbage'][0], d['summary']['failed'])")"
check "its SARIF run carries the error" 1 "$(grep -c 'could not be read back' garbage.sarif | awk '{print ($1 > 0)}')"
check "the HTML counts it failed" 1 "$(grep -c '<b id="total-failed">1</b>' garbage.html)"

# Bad matrix files: exit 2, located at the line that causes it.
bad() {  # bad NAME EXPECTED-STDERR-PREFIX < matrix text
  cat >bad.yaml
  err=$("$bin" audit bad.yaml --helm "$helm" 2>&1 >/dev/null); code=$?
  check "$1: exit 2" 2 "$code"
  check "$1: located" "$2" "${err:0:${#2}}"
}
printf 'charts:\n  - path: fleet/charts/web\n    environment: {prod: []}\n' | bad "unknown key" "chartproof: bad.yaml:3:5: "
# Checked when the matrix is read, before any task runs (issue 28): a misspelt key says what it
# meant, and a values file that does not exist is an error at its line.
printf 'kubeVersion: ["1.30.0"]\ncharts:\n  - path: fleet/charts/web\n' \
  | bad "a misspelt key" 'chartproof: bad.yaml:1:1: unknown field "kubeVersion" (did you mean "kubeVersions"?)'
printf 'charts:\n  - path: fleet/charts/web\n    enviroments: {prod: []}\n' \
  | bad "a misspelt chart key" 'chartproof: bad.yaml:3:5: unknown field "enviroments" (did you mean "environments"?)'
printf 'charts:\n  - path: fleet/charts/web\n    environments:\n      prod: [values-prod.yaml, values-typo.yaml]\n' \
  | bad "a values file that does not exist" "chartproof: bad.yaml:4:32: values file fleet/charts/web/values-typo.yaml does not exist"
printf 'kubeVersions: [latest]\ncharts:\n  - path: fleet/charts/web\n' | bad "bad version" "chartproof: bad.yaml:1:16: "
printf 'charts:\n  - path: nowhere/*\n' | bad "a glob with no chart" "chartproof: bad.yaml:2:11: \`nowhere/*\` names no chart"
printf 'charts:\n  - path: fleet/charts/web\n  - path: "fleet/charts/w*"\n' | bad "a chart named twice" "chartproof: bad.yaml:3:11: task fleet/charts/web@default@default is named twice"
printf 'charts: [\n' | bad "YAML syntax" "chartproof: bad.yaml:"
printf 'charts: []\n' | bad "no charts" "chartproof: bad.yaml:1:1: Array should contain no fewer than 1 elements. at charts"
err=$("$bin" audit missing.yaml 2>&1); code=$?
check "a missing matrix file: exit 2" 2 "$code"
check "a missing matrix file: named" 1 "$(grep -c '^chartproof: missing.yaml: cannot read the audit matrix' <<<"$err")"
finish
