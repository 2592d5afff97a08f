#!/usr/bin/env bash
# make dist's set of artifacts: each is in SHA256SUMS and matches it, the wheel carries the
# version, and the Helm plugin archive works on its own: installed from the extracted folder with
# no chartproof on PATH, it lints with the static binary it carries. Usage: artifacts_test.sh SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
src=$1
dist=$src/dist
version=$("$src/scripts/version.sh")
for f in "chartproof-$version-linux-x86_64" "chartproof_${version}_amd64.deb" "chartproof-helm-plugin-$version-linux-x86_64.tar.gz"; do
  check "$f is built and listed in SHA256SUMS" 1 "$(grep -c "  $f\$" "$dist/SHA256SUMS")"
done
check "the wheel is built and listed" 1 "$(grep -cE "  chartproof-$version-cp[0-9]+-cp[0-9]+-linux_x86_64\.whl\$" "$dist/SHA256SUMS")"
check "every file matches SHA256SUMS" 0 "$(cd "$dist" && sha256sum -c --quiet SHA256SUMS >/dev/null 2>&1; echo $?)"
check "nothing in dist is missing from SHA256SUMS" "$(ls "$dist" | grep -vc '^SHA256SUMS$')" "$(wc -l < "$dist/SHA256SUMS")"
tar -xzf "$dist/chartproof-helm-plugin-$version-linux-x86_64.tar.gz" -C "$work"
helm=$("$src/scripts/get-helm.sh" 4) || { echo "FAIL: helm is required"; exit 1; }
home=$work/helm
run() { env -i PATH=/usr/bin:/bin HOME="$home" HELM_DATA_HOME="$home/data" HELM_CONFIG_HOME="$home/config" \
          HELM_CACHE_HOME="$home/cache" "$helm" "$@"; }
check "no chartproof on the test's PATH" "" "$(PATH=/usr/bin:/bin command -v chartproof)"
run plugin install "$work/chartproof" >/dev/null 2>&1
out=$(run chartproof lint "$src/examples/todo-app" --release todo-app -n todo-app 2>&1); code=$?
check "the plugin archive lints with the binary it carries" "0 no findings (7 documents, 7 resources in 3 files)" \
  "$code $(tail -1 <<<"$out")"
finish
