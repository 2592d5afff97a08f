#!/usr/bin/env bash
# Throughput and memory of chartproof on ../shared/corpus, from one run of each command.
# Usage: bench/run.sh [BUILD_DIR]   (make bench)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
corpus=${CHARTPROOF_CORPUS:-$root/../shared/corpus/rendered}
big=$root/bench/big.yaml
[ -d "$corpus" ] || { echo "bench: $corpus not found" >&2; exit 1; }
if [ ! -s "$big" ]; then
  cat "$corpus"/*.yaml "$corpus"/*.yaml > "$big"   # as ../shared/corpus/README.md describes
fi
bytes=$(stat -c %s "$big")
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')

# run LABEL CMD...: wall seconds and peak RSS (KiB) of one run, from GNU time.
run() {
  local label=$1; shift
  local out
  out=$( { /usr/bin/time -f '%e %M' "$@" > /dev/null; } 2>&1 | tail -1 )
  echo "$label $out"
}
baseline=$(run baseline "$build/bench/parse_baseline_libyaml" "$big")
jobs1=$(run jobs1 "$build/cli/chartproof" lint --jobs 1 --format json --fail-on never "$big")
jobs0=$(run jobs0 "$build/cli/chartproof" lint --jobs 0 --format json --fail-on never "$big")
# The schema pack's cost: the same lint without its Kubernetes API rules.
schema_rules=schema-violation,unknown-field,deprecated-api-version,removed-api-version,unknown-kind
noschema=$(run noschema "$build/cli/chartproof" lint --jobs 1 --format json --fail-on never --disable "$schema_rules" "$big")
# Single small-file latency: the example chart linted 20 times with and without the schema rules
# (median wall time of the 20 runs, in ms).
example=$root/examples/todo-app/rendered.yaml
median_ms() {
  local start end
  for _ in $(seq 20); do
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000 ))
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", (t[10] + t[11]) / 2000 }'
}
small_with=$(median_ms "$build/cli/chartproof" lint --fail-on never "$example")
small_without=$(median_ms "$build/cli/chartproof" lint --fail-on never --disable "$schema_rules" "$example")

# identical output for any --jobs
"$build/cli/chartproof" lint --jobs 1 --format json --fail-on never "$big" > "$root/bench/jobs1.out"
"$build/cli/chartproof" lint --jobs 0 --format json --fail-on never "$big" > "$root/bench/jobs0.out"
same=$(cmp -s "$root/bench/jobs1.out" "$root/bench/jobs0.out" && echo yes || echo NO)

awk -v mb="$mb" -v bytes="$bytes" -v cores="$(nproc)" -v same="$same" -v ns="$noschema" \
    -v sw="$small_with" -v swo="$small_without" \
    -v b="$baseline" -v j1="$jobs1" -v j0="$jobs0" 'BEGIN {
  split(b, B, " "); split(j1, J1, " "); split(j0, J0, " "); split(ns, NS, " ");
  printf "input: bench/big.yaml, %.1f MB (%d bytes), %d cores\n", mb, bytes, cores;
  printf "%-44s %7s %9s %10s\n", "command", "seconds", "MB/s", "peak RSS";
  printf "%-44s %7.2f %9.1f %7.0f MB\n", "parse_baseline_libyaml (events only)", B[2], mb / B[2], B[3] / 1024;
  printf "%-44s %7.2f %9.1f %7.0f MB\n", "chartproof lint --jobs 1 --format json", J1[2], mb / J1[2], J1[3] / 1024;
  printf "%-44s %7.2f %9.1f %7.0f MB\n", "chartproof lint --jobs 0 --format json", J0[2], mb / J0[2], J0[3] / 1024;
  printf "%-44s %7.2f %9.1f %7.0f MB\n", "lint --jobs 1, schema rules off", NS[2], mb / NS[2], NS[3] / 1024;
  printf "lint --jobs 1 / libyaml throughput:  %.2f\n", B[2] / J1[2];
  printf "lint --jobs 0 / --jobs 1 speed-up:   %.2fx\n", J1[2] / J0[2];
  printf "peak RSS / input size (--jobs 1):    %.2f (target <= 3)\n", J1[3] * 1024 / bytes;
  printf "same output for --jobs 1 and 0:      %s\n", same;
  printf "time with / without schema rules:    %.2f (target <= 1.5)\n", J1[2] / NS[2];
  printf "todo-app lint, median of 20 runs:     %.1f ms (target <= 23), %.1f ms without schema rules\n", sw, swo;
}'
