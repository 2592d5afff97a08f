#!/usr/bin/env bash
# Instruction counts (valgrind callgrind) of the bare libyaml parse and of chartproof lint on a
# sample of the corpus: unlike wall time, repeatable on a shared machine, so ratios between builds
# and between rule sets can be compared. Usage: bench/instructions.sh [BUILD_DIR] [extra lint args...]
# BEFORE=BIN: an older chartproof binary, counted the same way and shown below.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}; shift || true
corpus=${CHARTPROOF_CORPUS:-$root/../shared/corpus/rendered}
sample=$root/bench/sample.yaml
command -v valgrind >/dev/null || { echo "bench: valgrind is not installed" >&2; exit 1; }
[ -s "$sample" ] || ls "$corpus"/*.yaml | awk 'NR % 3 == 0' | xargs cat > "$sample"   # every third chart
count() {  # count CMD...: instructions executed
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
libyaml=$(count "$build/bench/parse_baseline_libyaml" "$sample")
lint=$(count "$build/cli/chartproof" lint --jobs 1 --format json --fail-on never "$@" "$sample")
old=0
[ -z "${BEFORE:-}" ] || old=$(count "$BEFORE" lint --jobs 1 --format json --fail-on never "$@" "$sample")
awk -v y="$libyaml" -v l="$lint" -v o="$old" -v bytes="$(stat -c %s "$sample")" 'BEGIN {
  printf "sample: bench/sample.yaml, %.1f MB\n", bytes / 1e6;
  printf "parse_baseline_libyaml:       %15.0f instructions\n", y;
  printf "chartproof lint --jobs 1      %15.0f instructions (%.3f x libyaml; target <= 1.5)\n", l, l / y;
  if (o > 0) printf "  before                      %15.0f instructions (%.3f x libyaml)\n", o, o / y;
}'
