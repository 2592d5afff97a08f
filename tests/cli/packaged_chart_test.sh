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

# Only what helm loads is unpacked (issue 27): a symbolic link to a file outside the archive, a hard
# link, a device or a `..` member is refused, located at the member, and nothing outside is read.
mkdir -p outside hostile/evil/templates
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stolen-kubeconfig\n' >outside/outside.yaml
printf 'apiVersion: v2\nname: evil\nversion: 0.1.0\n' >hostile/evil/Chart.yaml
ln -s "$work/outside/outside.yaml" hostile/evil/templates/cm.yaml
tar -czf symlink.tgz -C hostile evil
out=$("$bin" lint symlink.tgz --helm "$helm" --format json 2>err.txt); code=$?
check "a symbolic link in an archive is exit 2" 2 "$code"
check "the link is named as the archive member" 1 \
  "$(grep -c '^chartproof: symlink.tgz!/evil/templates/cm.yaml: a symbolic link: chartproof unpacks only regular files' err.txt)"
check "nothing of the outside file is read" 0 "$(grep -c stolen-kubeconfig <<<"$out$(cat err.txt)")"
rm hostile/evil/templates/cm.yaml
printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' >hostile/evil/templates/a.yaml
ln hostile/evil/templates/a.yaml hostile/evil/templates/b.yaml
tar -czf hardlink.tgz -C hostile evil
err=$("$bin" lint hardlink.tgz --helm "$helm" 2>&1 >/dev/null); code=$?
check "a hard link in an archive is exit 2" 2 "$code"
check "the hard link is named" 1 "$(grep -c '^chartproof: hardlink.tgz!/evil/templates/[ab].yaml: a hard link' <<<"$err")"
rm hostile/evil/templates/b.yaml
# (GNU tar strips `..` when it writes an archive; Python's tarfile writes the name as given.)
python3 - <<'PY'
import io, tarfile
with tarfile.open("dotdot.tgz", "w:gz") as t:
    for name, data in [("evil/Chart.yaml", b"apiVersion: v2\nname: evil\nversion: 0.1.0\n"),
                       ("evil/../evil/templates/a.yaml", b"apiVersion: v1\nkind: ConfigMap\n")]:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        t.addfile(info, io.BytesIO(data))
PY
err=$("$bin" lint dotdot.tgz --helm "$helm" 2>&1 >/dev/null); code=$?
check "a member with .. is exit 2" 2 "$code"
check "the .. member is named" 1 "$(grep -c "^chartproof: dotdot.tgz!/evil/../evil/templates/a.yaml: a chart archive member may not name a path outside" <<<"$err")"
tar -czf absolute.tgz -C hostile evil -P --transform 's#^evil/templates#/evil/templates#'
err=$("$bin" lint absolute.tgz --helm "$helm" 2>&1 >/dev/null); code=$?
check "an absolute member name is exit 2" 2 "$code"
check "the absolute member is named" 1 "$(grep -c "^chartproof: absolute.tgz!//evil/templates" <<<"$err")"
# The same archive without the hostile members lints (the checks refuse members, not archives).
tar -czf plain.tgz -C hostile evil
"$bin" lint plain.tgz --helm "$helm" --format json >/dev/null 2>err.txt; code=$?
check "a plain archive still lints" 1 "$(awk -v c="$code" 'BEGIN{print (c <= 1)}')"
finish
