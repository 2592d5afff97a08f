#!/usr/bin/env bash
# `make dist`: the fully static chartproof for x86_64 Linux and its .deb (CPack: the binary, man
# page, shell completions and docs) in dist/, each with its .sha256.
# Usage: make-dist.sh [BUILD_DIR] (default build-dist, a tree of its own: static archives, no tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-dist}
version=$(sed -nE 's/^project\(chartproof VERSION ([0-9.]+).*/\1/p' "$root/CMakeLists.txt")
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCHARTPROOF_STATIC=ON -DCHARTPROOF_TESTS=OFF \
  -DCHARTPROOF_BENCH=OFF -DCHARTPROOF_PYTHON=OFF -DCHARTPROOF_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
mkdir -p "$root/dist"
name=chartproof-$version-linux-x86_64
strip -o "$root/dist/$name" "$build/cli/chartproof"
# The .deb holds the stripped binary too (CPACK_STRIP_FILES).
( cd "$build" && cpack -G DEB -D CPACK_STRIP_FILES=ON >/dev/null )
deb=chartproof_${version}_amd64.deb
cp "$build/packages/$deb" "$root/dist/$deb"
( cd "$root/dist" && sha256sum "$name" > "$name.sha256" && sha256sum "$deb" > "$deb.sha256" )
echo "$root/dist/$name"
echo "$root/dist/$deb"
