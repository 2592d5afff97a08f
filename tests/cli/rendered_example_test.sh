#!/usr/bin/env bash
# examples/todo-app/rendered.yaml must be exactly what `helm template` makes of the chart.
# Fails when helm cannot be had. Usage: rendered_example_test.sh SOURCE_DIR
set -u
src=$1
helm=$("$src/scripts/get-helm.sh" 2>/dev/null) || { echo "FAIL: helm is required (scripts/get-helm.sh could not provide it)"; exit 1; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$helm" template todo-app "$src/examples/todo-app" --namespace todo-app > "$tmp" || exit 1
if ! diff -u "$src/examples/todo-app/rendered.yaml" "$tmp"; then
  echo "examples/todo-app/rendered.yaml is stale: run make example"
  exit 1
fi
echo "ok: rendered.yaml matches helm template ($("$helm" version --short))"
