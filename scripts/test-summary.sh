#!/usr/bin/env bash
# Adds up the ctest and pytest logs of `make test` into one closing line: passed, failed and skipped
# (a skip is never counted as a pass). Exits 1 when anything failed or a log has no result.
set -eu
passed=0; failed=0; skipped=0
count() {  # count WORD LINE: the number before WORD in LINE, or 0
  grep -oE "[0-9]+ $1" <<<"$2" | grep -oE '[0-9]+' || echo 0
}
for log in "$@"; do
  ctest=$(grep -E '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -1 || true)
  pytest=$(grep -E '[0-9]+ (passed|failed)' "$log" | tail -1 || true)
  if [ -n "$ctest" ]; then
    f=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$ctest")
    t=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\2/' <<<"$ctest")
    # ctest counts a skipped test among the passed ones and lists it as "(Skipped)".
    s=$(grep -cE '^\s+[0-9]+ - .* \(Skipped\)$' "$log" || true)
    failed=$((failed + f)); skipped=$((skipped + s)); passed=$((passed + t - f - s))
  elif [ -n "$pytest" ]; then
    # pytest: "117 passed in 45.16s", "3 failed, 114 passed, 2 skipped, 1 error in ..."
    passed=$((passed + $(count passed "$pytest")))
    skipped=$((skipped + $(count skipped "$pytest")))
    failed=$((failed + $(count failed "$pytest") + $(count 'errors?' "$pytest")))
  else
    echo "test-summary: no test result in $log" >&2
    exit 1
  fi
done
echo "chartproof: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
