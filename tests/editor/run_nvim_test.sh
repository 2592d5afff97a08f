#!/usr/bin/env bash
# Runs nvim_lsp_test.lua in headless Neovim against a copy of the example chart.
# Usage: run_nvim_test.sh CHARTPROOF SOURCE_DIR
set -u
cli=$1
src=$2
helm=$("$src/scripts/get-helm.sh") || { echo "FAIL: scripts/get-helm.sh could not provide helm"; exit 1; }
# Neovim is a requirement of the suite (scripts/install-deps.sh installs it): a missing editor is
# a failure, never a skip.
command -v nvim >/dev/null 2>&1 || { echo "FAIL: nvim is not installed (scripts/install-deps.sh test installs it)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/examples/todo-app" "$work/todo-app"
before=$(cat "$work/todo-app/values.yaml")
out=$(cd "$work" && HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  CHARTPROOF="$cli" HELM="$helm" CHART="$work/todo-app" \
  timeout 300 nvim --headless --clean -n -c "luafile $src/tests/editor/nvim_lsp_test.lua" 2>&1)
code=$?
echo "$out"
[ "$before" = "$(cat "$work/todo-app/values.yaml")" ] || { echo "FAIL: values.yaml on disk changed"; exit 1; }
[ $code -eq 0 ] || { echo "FAIL: nvim exited with $code"; exit 1; }
grep -q "^ok: the diagnostic disappears after the fix$" <<<"$out" || { echo "FAIL: the test did not reach its end"; exit 1; }
! grep -q "^FAIL" <<<"$out"
