#!/usr/bin/env bash
# Adds up the ctest logs of `make test` into one closing line; exits 1 when anything failed.
set -eu
passed=0; failed=0; total=0
for log in "$@"; do
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1) || {
    echo "test-summary: no ctest result in $log" >&2; exit 1; }
  f=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
  t=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$line")
  failed=$((failed + f)); total=$((total + t)); passed=$((passed + t - f))
done
echo "chartproof: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
