#!/bin/sh
# helm chartproof ARGS... -> chartproof ARGS... --helm "$HELM_BIN" (for `lint`, which renders charts).
# helm sets HELM_PLUGIN_DIR and HELM_BIN for its plugins.
set -eu
dir=${HELM_PLUGIN_DIR:-$(dirname "$0")}
if [ -x "$dir/bin/chartproof" ]; then
  chartproof=$dir/bin/chartproof
elif command -v chartproof >/dev/null 2>&1; then
  chartproof=$(command -v chartproof)
else
  echo "helm chartproof: no chartproof binary in $dir/bin or on PATH (docs/install.md)" >&2
  exit 2
fi
if [ "${1:-}" = "lint" ] && [ -n "${HELM_BIN:-}" ]; then
  shift
  exec "$chartproof" lint --helm "$HELM_BIN" "$@"
fi
exec "$chartproof" "$@"
