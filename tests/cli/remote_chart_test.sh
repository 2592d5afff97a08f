#!/usr/bin/env bash
# Remote charts, against real servers on 127.0.0.1 started here: Debian's docker-registry (an OCI
# registry; helm push) and a chart repository (helm package + helm repo index, served by Python's
# http.server). chartproof lint pulls them with helm into a temporary folder and names findings by
# the reference (oci://HOST/REPO/CHART@VERSION!/CHART/templates/x.yaml); a bad reference, an
# unreachable host and a missing version are clear errors (exit 2).
# Usage: remote_chart_test.sh CHARTPROOF SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
helm=$("$src/scripts/get-helm.sh") || { echo "FAIL: helm is required (scripts/get-helm.sh)"; exit 1; }
command -v docker-registry >/dev/null || { echo "FAIL: docker-registry is required (scripts/install-deps.sh test installs it)"; exit 1; }
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$work"' EXIT
# helm's registry and repository settings stay in this test's folder.
export HELM_CONFIG_HOME=$work/helm-config HELM_CACHE_HOME=$work/helm-cache HELM_DATA_HOME=$work/helm-data
export HELM_REGISTRY_CONFIG=$work/helm-config/registry.json
export HELM_REPOSITORY_CONFIG=$work/helm-config/repositories.yaml HELM_REPOSITORY_CACHE=$work/helm-cache/repository
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for URL: until it answers (any HTTP status), at most 10 s
  python3 - "$1" <<'PY'
import sys, time, urllib.request, urllib.error
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1)
        sys.exit(0)
    except urllib.error.HTTPError:
        sys.exit(0)
    except Exception:
        time.sleep(0.1)
sys.exit(1)
PY
}
cd "$work"
"$helm" package "$src/examples/todo-app" -d "$work/packages" >/dev/null
version=$(ls packages | sed -n 's/^todo-app-\(.*\)\.tgz$/\1/p')

# An OCI registry.
reg=$(free_port)
printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s/registry\nhttp:\n  addr: 127.0.0.1:%s\nlog:\n  level: error\n' \
  "$work" "$reg" > registry.yml
docker-registry serve registry.yml >registry.log 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$reg/v2/" || { echo "FAIL: the registry did not start: $(tail -3 registry.log)"; exit 1; }
"$helm" push "packages/todo-app-$version.tgz" "oci://127.0.0.1:$reg/charts" --plain-http >/dev/null 2>&1
ref=oci://127.0.0.1:$reg/charts/todo-app
out=$("$bin" lint "$ref" --version "$version" --plain-http --helm "$helm" 2>&1); code=$?
check "an OCI chart is pulled and linted" "0 no findings (7 documents, 7 resources in 3 files)" "$code $(tail -1 <<<"$out")"
printf 'podSecurityContext:\n  runAsUser: 0\n' > root.yaml
out=$("$bin" lint "$ref" --plain-http --helm "$helm" -f root.yaml -q 2>&1); code=$?
check "-f reaches helm: the finding is at the -f file's line" "1 1" \
  "$code $(grep -c "^root.yaml:2:14: error: .*\[run-as-root\] in Deployment" <<<"$out")"
out=$("$bin" lint "$ref" --plain-http --helm "$helm" --set podSecurityContext.runAsUser=0 -q 2>&1)
check "a template line is named by reference@version!/chart/... (the version helm pulled, none asked)" 1 \
  "$(grep -c "^$ref@$version!/todo-app/templates/backend-deployment.yaml:28:9: error: " <<<"$out")"
out=$("$bin" lint "$ref" --version 9.9.9 --plain-http --helm "$helm" 2>&1); code=$?
check "a version that does not exist: exit 2, named" "2 1" \
  "$code $(grep -c "^chartproof: $ref: helm pull failed (version 9.9.9): .*not found" <<<"$out")"
out=$("$bin" lint "oci://127.0.0.1:$(free_port)/charts/todo-app" --plain-http --helm "$helm" --helm-timeout 20 2>&1); code=$?
check "an unreachable registry: exit 2, named" "2 1" "$code $(grep -c 'helm pull failed: .*connection refused' <<<"$out")"
out=$("$bin" lint "oci://" --helm "$helm" 2>&1); code=$?
check "a bad reference: exit 2, named" "2 1" "$code $(grep -c '^chartproof: oci://: helm pull failed' <<<"$out")"

# A chart repository: an index and the package over HTTP.
repo=$(free_port)
mkdir repo && cp "packages/todo-app-$version.tgz" repo/
"$helm" repo index repo --url "http://127.0.0.1:$repo"
(cd repo && exec python3 -m http.server "$repo" --bind 127.0.0.1 >/dev/null 2>&1) &
pids+=($!)
wait_for "http://127.0.0.1:$repo/index.yaml" || { echo "FAIL: the chart repository did not start"; exit 1; }
out=$("$bin" lint "http://127.0.0.1:$repo/todo-app" --version "$version" --helm "$helm" 2>&1); code=$?
check "REPO_URL/CHART is pulled and linted" "0 no findings (7 documents, 7 resources in 3 files)" "$code $(tail -1 <<<"$out")"
"$helm" repo add local "http://127.0.0.1:$repo" >/dev/null
out=$("$bin" lint local/todo-app --helm "$helm" --set podSecurityContext.runAsUser=0 -q 2>&1); code=$?
check "REPO/CHART through the user's helm repositories" "1 1" \
  "$code $(grep -c "^local/todo-app@$version!/todo-app/templates/backend-deployment.yaml:28:9: error: " <<<"$out")"
out=$("$bin" lint local/nochart --helm "$helm" 2>&1); code=$?
check "a chart the repository does not have: exit 2, named" "2 1" "$code $(grep -c '^chartproof: local/nochart: helm pull failed' <<<"$out")"
out=$("$bin" lint charts/web --helm "$helm" 2>&1); code=$?
check "a missing path whose first part is no helm repository stays a missing path" "2 1" \
  "$code $(grep -c '^chartproof: charts/web: no such file or directory' <<<"$out")"
[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
