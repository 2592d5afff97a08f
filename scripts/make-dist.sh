#!/usr/bin/env bash
# `make dist`: the fully static chartproof for x86_64 Linux in dist/, with its SHA256SUMS.
# Usage: make-dist.sh [BUILD_DIR] (default build-dist, a tree of its own: static archives, no tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-dist}
version=$(sed -nE 's/^project\(chartproof VERSION ([0-9.]+).*/\1/p' "$root/CMakeLists.txt")
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCHARTPROOF_STATIC=ON -DCHARTPROOF_TESTS=OFF \
  -DCHARTPROOF_BENCH=OFF -DCHARTPROOF_PYTHON=OFF -DCHARTPROOF_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target chartproof_bin
mkdir -p "$root/dist"
name=chartproof-$version-linux-x86_64
strip -o "$root/dist/$name" "$build/cli/chartproof"
( cd "$root/dist" && sha256sum "$name" > "$name.sha256" )
echo "$root/dist/$name"
