#!/usr/bin/env bash
# Chart-folder mode with a real helm (scripts/get-helm.sh); skips (exit 77) when none can be had.
# Usage: chart_mode_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "skipped: helm is not available (scripts/get-helm.sh)"; exit 77; }
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
cd "$src"

out=$("$bin" lint examples/todo-app --helm "$helm" --release todo-app -n todo-app); code=$?
check "example chart renders and is clean" "0 no findings (7 documents, 7 resources in 1 file)" "$code $(tail -1 <<<"$out")"

out=$("$bin" lint examples/todo-app --helm "$helm" --release todo-app --set backend.resources.limits=null --format json); code=$?
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

if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
