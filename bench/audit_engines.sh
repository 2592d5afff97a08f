#!/usr/bin/env bash
# Tasks per second of `chartproof audit` over ../shared/corpus/charts x 2 Kubernetes versions (30
# tasks: a helm render, or two, and a lint each), from one run of each engine on this machine:
# serial (--jobs 1), 2 local tasks at once (--jobs 2), and 2 Dask workers (dask-scheduler and two
# single-threaded dask-worker processes on localhost, reached with --scheduler); and whether the
# three JSON reports are identical (they must be).
# Usage: bench/audit_engines.sh [BUILD_DIR] [PYTHON]  (PYTHON: one that imports chartproof, e.g.
# build-python/venv/bin/python after scripts/test-python.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
python=${2:-$root/build-python/venv/bin/python}
charts=${CHARTPROOF_CHARTS:-$root/../shared/corpus/charts}
helm=$("$root/scripts/get-helm.sh")
out=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT
printf 'kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: %s/*\n' "$(cd "$charts" && pwd)" > "$out/matrix.yaml"
# The number of tasks (helm /bin/false: every task fails at once, but is counted).
"$build/cli/chartproof" audit "$out/matrix.yaml" --helm /bin/false --format json --progress never > "$out/count.json" \
  2>/dev/null || true
n=$("$python" -c 'import json, sys; print(json.load(sys.stdin)["summary"]["tasks"])' < "$out/count.json")

timed() {  # timed NAME ARGS...: runs one audit, prints tasks/s
  local name=$1
  shift
  local start end
  start=$(date +%s%N)
  "$build/cli/chartproof" audit "$out/matrix.yaml" --helm "$helm" --format json --fail-on never --progress never "$@" \
    > "$out/$name.json" 2> "$out/$name.err" || true
  end=$(date +%s%N)
  awk -v n="$n" -v name="$name" -v ns=$((end - start)) \
    'BEGIN { printf "%-16s %d tasks in %6.2f s, %5.2f tasks/s, %4.0f ms per task\n", name, n, ns / 1e9, n / (ns / 1e9), ns / 1e6 / n }'
}

timed serial --jobs 1
timed local-2 --jobs 2

# A Dask cluster of this machine: a scheduler and two workers of one thread each, in the Python
# that has chartproof (what a worker needs, with helm on its PATH).
port=$(( 20000 + RANDOM % 20000 ))
PATH=$(dirname "$helm"):$PATH "$python" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" \
  --dashboard-address :0 > "$out/scheduler.log" 2>&1 &
pids+=($!)
for i in 1 2; do
  PATH=$(dirname "$helm"):$PATH "$python" -m distributed.cli.dask_worker "tcp://127.0.0.1:$port" --nthreads 1 \
    --nworkers 1 --no-dashboard > "$out/worker$i.log" 2>&1 &
  pids+=($!)
done
"$python" - "$port" <<'PY'
import sys, time
from distributed import Client
with Client(f"tcp://127.0.0.1:{sys.argv[1]}", timeout=60) as c:
    c.wait_for_workers(2, timeout=60)
PY
timed dask-2 --scheduler "tcp://127.0.0.1:$port" --python "$python"

for other in local-2 dask-2; do
  if ! cmp -s "$out/serial.json" "$out/$other.json"; then
    echo "output: $other DIFFERS from serial" >&2
    exit 1
  fi
done
echo "output: identical for serial, 2 local and 2 Dask workers"
