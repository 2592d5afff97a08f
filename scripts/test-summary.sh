#!/usr/bin/env bash
# Adds up the ctest and pytest logs of `make test` into one closing line; exits 1 when anything failed.
set -eu
passed=0; failed=0
count() {  # count WORD LINE: the number before WORD in LINE, or 0
  grep -oE "[0-9]+ $1" <<<"$2" | grep -oE '[0-9]+' || echo 0
}
for log in "$@"; do
  ctest=$(grep -E '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1 || true)
  pytest=$(grep -E '[0-9]+ (passed|failed)' "$log" | tail -1 || true)
  if [ -n "$ctest" ]; then
    line=$ctest
    f=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
    t=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
    failed=$((failed + f)); passed=$((passed + t - f))
  elif [ -n "$pytest" ]; then
    line=$pytest
    # pytest: "117 passed in 45.16s", "3 failed, 114 passed, 1 error in ..."
    passed=$((passed + $(count passed "$line")))
    failed=$((failed + $(count failed "$line") + $(count 'errors?' "$line")))
  else
    echo "test-summary: no test result in $log" >&2
    exit 1
  fi
done
echo "chartproof: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
