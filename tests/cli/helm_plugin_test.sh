#!/usr/bin/env bash
# The Helm plugin (helm-plugin/): installed with `helm plugin install FOLDER` into a scratch helm
# home, `helm chartproof lint CHART -f VALUES` lints with the calling helm ($HELM_BIN): no other
# helm is on PATH. Run with Helm 4 and Helm 3 (scripts/get-helm.sh 4|3).
# Usage: helm_plugin_test.sh CHARTPROOF SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
bin=$1
src=$2
mkdir -p "$work/bin"
ln -s "$bin" "$work/bin/chartproof"
printf 'podSecurityContext:\n  runAsUser: 0\n' > "$work/root.yaml"
for major in 4 3; do
  helm=$("$src/scripts/get-helm.sh" "$major") || { echo "FAIL: Helm $major is required (scripts/get-helm.sh $major)"; exit 1; }
  home=$work/helm-$major
  # Only chartproof and the system on PATH: the plugin must use the helm that called it.
  run() { env -i PATH="$work/bin:/usr/bin:/bin" HOME="$home" HELM_DATA_HOME="$home/data" \
            HELM_CONFIG_HOME="$home/config" HELM_CACHE_HOME="$home/cache" "$helm" "$@"; }
  out=$(run plugin install "$src/helm-plugin" 2>&1); code=$?
  check "Helm $major: plugin install" 0 "$code"
  check "Helm $major: the plugin is listed" 1 "$(run plugin list | grep -c '^chartproof[[:space:]]*0\.1\.0')"
  out=$(run chartproof lint "$src/examples/todo-app" --release todo-app -n todo-app 2>&1); code=$?
  check "Helm $major: helm chartproof lint on the clean example" "0 no findings (7 documents, 7 resources in 3 files)" \
    "$code $(tail -1 <<<"$out")"
  out=$(run chartproof lint "$src/examples/todo-app" -f "$work/root.yaml" -q 2>&1); code=$?
  check "Helm $major: -f reaches helm, the finding is at the values line (one fix, three objects)" "1" \
    "$(grep -c "^$work/root.yaml:2:14: error: container \"[a-z]*\" runs as UID 0 (root).*\[run-as-root\] in .* (and 2 more: .*)$" <<<"$out")"
  check "Helm $major: findings fail the plugin" 1 "$([ "$code" -ne 0 ] && echo 1 || echo 0)"
  out=$(run chartproof --version 2>&1)
  check "Helm $major: other commands pass through" "chartproof $("$bin" --version | cut -d' ' -f2)" "$out"
done
finish
