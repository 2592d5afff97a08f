#!/usr/bin/env bash
# Charts per second in chart mode over ../shared/corpus/charts (15 real charts, each rendered with
# helm, twice when hardcoded-secret-data runs), with --jobs 1 and --jobs 2, from one run of each;
# and whether the two outputs are identical (they must be). Usage: bench/charts_jobs.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
charts=${CHARTPROOF_CHARTS:-$root/../shared/corpus/charts}
helm=$("$root/scripts/get-helm.sh")
n=$(find "$charts" -mindepth 2 -maxdepth 2 -name Chart.yaml | wc -l)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for jobs in 1 2; do
  start=$(date +%s%N)
  "$build/cli/chartproof" lint "$charts" --helm "$helm" --jobs "$jobs" --format json --fail-on never \
    > "$out/jobs$jobs.json" 2> "$out/jobs$jobs.err" || true
  end=$(date +%s%N)
  awk -v n="$n" -v j="$jobs" -v ns=$((end - start)) \
    'BEGIN { printf "--jobs %d: %d charts in %.2f s, %.2f charts/s\n", j, n, ns / 1e9, n / (ns / 1e9) }'
done
if cmp -s "$out/jobs1.json" "$out/jobs2.json" && cmp -s "$out/jobs1.err" "$out/jobs2.err"; then
  echo "output: identical for --jobs 1 and 2"
else
  echo "output: DIFFERS between --jobs 1 and 2" >&2
  exit 1
fi
