# Shared by the shell tests: `check NAME EXPECTED ACTUAL` prints ok/FAIL and counts failures,
# `finish` exits 1 when any check failed; `work` is a scratch folder removed on exit.
# Source it: . "$(dirname "$0")/../lib/check.sh"
failures=0
check() {
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected [$2], got [$3]"; failures=$((failures + 1)); else echo "ok: $1"; fi
}
finish() {
  if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
