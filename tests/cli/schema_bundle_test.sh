#!/usr/bin/env bash
# data/k8s-schemas.json is what tools/gen-k8s-schemas.py makes of ../shared/k8s-openapi today:
# regenerate it and compare byte for byte. Skips (77) when the specs are not there.
# Usage: schema_bundle_test.sh SOURCE_DIR SHARED_DIR
set -u
src=$1
specs=$2/k8s-openapi
[ -d "$specs" ] || { echo "skipped: $specs is not there"; exit 77; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
python3 "$src/tools/gen-k8s-schemas.py" "$specs" "$out" || exit 1
if cmp -s "$out" "$src/data/k8s-schemas.json"; then
  echo "ok: data/k8s-schemas.json is current"
else
  echo "FAIL: data/k8s-schemas.json differs from a fresh tools/gen-k8s-schemas.py run; regenerate and commit it"
  exit 1
fi
