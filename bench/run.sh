#!/usr/bin/env bash
# Throughput, memory and start-up of chartproof on ../shared/corpus, from runs made side by side.
# Usage: bench/run.sh [BUILD_DIR]   (make bench)
#   ROUNDS=N   each large-input command runs N times (default 3), the commands taking turns, so a
#              busy moment of the machine falls on all of them; the median wall time is shown.
#   BEFORE=BIN an older chartproof binary: each chartproof figure is measured for it too, in the
#              same rounds, and shown on the line below ("before").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
rounds=${ROUNDS:-3}
before=${BEFORE:-}
corpus=${CHARTPROOF_CORPUS:-$root/../shared/corpus/rendered}
big=$root/bench/big.yaml
[ -d "$corpus" ] || { echo "bench: $corpus not found" >&2; exit 1; }
if [ ! -s "$big" ]; then
  cat "$corpus"/*.yaml "$corpus"/*.yaml > "$big"   # as ../shared/corpus/README.md describes
fi
bytes=$(stat -c %s "$big")
after=$build/cli/chartproof
schema_rules=schema-violation,unknown-field,deprecated-api-version,removed-api-version,unknown-kind
lint_args=(lint --jobs 1 --format json --fail-on never)

# The large-input commands, by label. The baseline parses with libyaml after reading the file the
# way chartproof does (io::read_file), so the ratio compares parsing with linting.
declare -A command
labels=(baseline jobs1 jobs0 noschema)
command[baseline]="$build/bench/parse_baseline_libyaml $big"
command[jobs1]="$after ${lint_args[*]} $big"
command[jobs0]="$after lint --jobs 0 --format json --fail-on never $big"
command[noschema]="$after ${lint_args[*]} --disable $schema_rules $big"
if [ -n "$before" ]; then
  labels+=(jobs1_before)
  command[jobs1_before]="$before ${lint_args[*]} $big"
fi

# Each round runs every command once; GNU time gives wall seconds and peak RSS (KiB).
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
for _ in $(seq "$rounds"); do
  for label in "${labels[@]}"; do
    # shellcheck disable=SC2086  # the command line is split on purpose
    out=$( { /usr/bin/time -f '%e %M' ${command[$label]} > /dev/null; } 2>&1 | tail -1 )
    echo "$label $out" >> "$samples"
  done
done

# Start-up: the example's rendered.yaml linted 21 times per binary, the binaries taking turns;
# the median wall time in ms.
example=$root/examples/todo-app/rendered.yaml
startup() {  # startup LABEL BIN [ARGS...]: one "LABEL ms" line per run
  local label=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  echo "$label $(( (end - start) / 1000 ))"
}
for _ in $(seq 21); do
  startup small "$after" lint --fail-on never "$example"
  startup small_noschema "$after" lint --fail-on never --disable "$schema_rules" "$example"
  if [ -n "$before" ]; then
    startup small_before "$before" lint --fail-on never "$example"
    startup small_noschema_before "$before" lint --fail-on never --disable "$schema_rules" "$example"
  fi
done >> "$samples"

# identical output for any --jobs
"$after" lint --jobs 1 --format json --fail-on never "$big" > "$root/bench/jobs1.out"
"$after" lint --jobs 0 --format json --fail-on never "$big" > "$root/bench/jobs0.out"
same=$(cmp -s "$root/bench/jobs1.out" "$root/bench/jobs0.out" && echo yes || echo NO)

awk -v bytes="$bytes" -v cores="$(nproc)" -v same="$same" -v rounds="$rounds" -v has_before="${before:+1}" '
function median(label,   n, i, j, t, v) {
  n = count[label]
  for (i = 1; i <= n; i++) v[i] = wall[label, i]
  for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
  return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
}
function row(name, label) {
  if (!count[label]) return
  printf "%-46s %7.2f %9.1f %7.0f MB\n", name, median(label), mb / median(label), rss[label] / 1024
}
{ count[$1]++; wall[$1, count[$1]] = $2; if ($3 > rss[$1]) rss[$1] = $3 }
END {
  mb = bytes / 1e6
  printf "input: bench/big.yaml, %.1f MB (%d bytes), %d cores; median of %d rounds side by side\n", mb, bytes, cores, rounds
  printf "%-46s %7s %9s %10s\n", "command", "seconds", "MB/s", "peak RSS"
  row("parse_baseline_libyaml (io::read_file, events)", "baseline")
  row("chartproof lint --jobs 1 --format json", "jobs1")
  row("  before", "jobs1_before")
  row("chartproof lint --jobs 0 --format json", "jobs0")
  row("lint --jobs 1, schema rules off", "noschema")
  printf "lint --jobs 1 / libyaml throughput:  %.2f (target >= 0.5)", median("baseline") / median("jobs1")
  if (has_before) printf ", before %.2f", median("baseline") / median("jobs1_before")
  printf "\n"
  printf "lint --jobs 0 / --jobs 1 speed-up:   %.2fx\n", median("jobs1") / median("jobs0")
  printf "peak RSS / input size (--jobs 1):    %.2f (target <= 2)", rss["jobs1"] * 1024 / bytes
  if (has_before) printf ", before %.2f", rss["jobs1_before"] * 1024 / bytes
  printf "\n"
  printf "same output for --jobs 1 and 0:      %s\n", same
  printf "time with / without schema rules:    %.2f (target <= 1.5)\n", median("jobs1") / median("noschema")
  printf "todo-app lint, median of 21 runs:    %.1f ms (target <= 15), %.1f ms without schema rules\n", median("small") / 1000, median("small_noschema") / 1000
  if (has_before)
    printf "  before:                            %.1f ms, %.1f ms without schema rules\n", median("small_before") / 1000, median("small_noschema_before") / 1000
}' "$samples"
