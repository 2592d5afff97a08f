#!/usr/bin/env bash
# Packaged charts (helm package's .tgz) are accepted wherever a chart folder is, with the same
# findings at the same lines, named ARCHIVE!/CHART/...; a broken archive is a located exit 2.
# Usage: packaged_chart_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
. "$src/tests/lib/check.sh"
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
cd "$work"
cp -r "$src/testdata/charts/source-map" chart
"$helm" package chart >/dev/null || { echo "FAIL: helm package"; exit 1; }
archive=$(ls mapped-*.tgz)

# The same findings, lines, templates and values lines; only the names differ.
"$bin" lint chart --helm "$helm" --format json >folder.json; code_folder=$?
"$bin" lint "$archive" --helm "$helm" --format json >archive.json; code_archive=$?
check "same exit code" "$code_folder" "$code_archive"
normalise() {  # the archive's names, written as the folder's
  sed -e "s#$archive!/mapped#chart#g" "$1"
}
check "same findings at the same lines as the folder" "$(cat folder.json)" "$(normalise archive.json)"
check "findings name the archive member" 1 \
  "$(grep -c "\"file\": \"$archive!/mapped/templates/deployment.yaml\"" archive.json | awk '{print ($1 > 0)}')"
check "there are findings to compare" 1 "$(grep -c '"rule"' archive.json | awk '{print ($1 > 5)}')"

out=$("$bin" lint "$archive" --helm "$helm" 2>&1)
check "text findings name ARCHIVE!/CHART/templates/FILE:LINE:COL" 1 \
  "$(grep -c "^$archive!/mapped/templates/deployment.yaml:[0-9]*:[0-9]*: " <<<"$out" | awk '{print ($1 > 0)}')"

# A folder of charts holding a .tgz renders it too.
mkdir fleet && cp "$archive" fleet/
"$bin" lint fleet --helm "$helm" --summary >summary.txt 2>&1
check "a .tgz inside a searched folder is a chart" 1 "$(grep -c 'linted: 1 chart' summary.txt)"

# Broken archives: located, exit 2, nothing else printed on stdout.
printf 'not gzip' >broken.tgz
err=$("$bin" lint broken.tgz --helm "$helm" 2>&1 >/dev/null); code=$?
check "a corrupt archive is exit 2" 2 "$code"
check "a corrupt archive is named" 1 "$(grep -c '^chartproof: broken.tgz: not a chart archive tar can unpack' <<<"$err")"
mkdir notachart && echo hi >notachart/readme.txt && tar -czf notachart.tgz notachart
err=$("$bin" lint notachart.tgz --helm "$helm" 2>&1 >/dev/null); code=$?
check "an archive without a chart is exit 2" 2 "$code"
check "an archive without a chart says so" 1 "$(grep -c '^chartproof: notachart.tgz: not a packaged chart' <<<"$err")"

# A template error inside the archive is located at the member.
cp -r "$src/testdata/charts/template-error" terr && "$helm" package terr >/dev/null
terr=$(ls template-error-*.tgz)
err=$("$bin" lint "$terr" --helm "$helm" 2>&1 >/dev/null); code=$?
check "a template error in an archive is exit 2" 2 "$code"
check "located at the archive member" 1 "$(grep -c "^chartproof: $terr!/template-error/templates/configmap.yaml:6:18: helm template failed" <<<"$err")"
check "no temporary path leaks into the message" 0 "$(grep -c 'chartproof-package-' <<<"$err")"
finish
