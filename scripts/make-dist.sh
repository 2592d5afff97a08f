#!/usr/bin/env bash
# `make dist`: every release artifact in dist/ with SHA256SUMS: the fully static chartproof for
# x86_64 Linux, its .deb (CPack: the binary, man page, shell completions and docs), the wheel, and
# the Helm plugin archive (the plugin with the static binary in its bin/). Tested by make dist-test.
# Usage: make-dist.sh [BUILD_DIR] (default build-dist, a tree of its own: static archives, no tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-dist}
version=$("$root/scripts/version.sh")
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
# The wheel (Debian's python3, whose pip has wheel support), built in the release tree when there is one (make build), else in a private one.
rm -f "$root"/dist/chartproof-*.whl
if [ -f "$root/build/CMakeCache.txt" ]; then export CHARTPROOF_CMAKE_BUILD_DIR=$root/build; fi
/usr/bin/python3 -m pip wheel --no-build-isolation --no-deps -q -w "$root/dist" "$root" >/dev/null
# The Helm plugin with the static binary inside: extract it and `helm plugin install` the folder.
plugin=$(mktemp -d)
trap 'rm -rf "$plugin"' EXIT
mkdir -p "$plugin/chartproof/bin"
cp "$root/helm-plugin/plugin.yaml" "$root/helm-plugin/chartproof-helm.sh" "$plugin/chartproof/"
cp "$root/dist/$name" "$plugin/chartproof/bin/chartproof"
tar -czf "$root/dist/chartproof-helm-plugin-$version-linux-x86_64.tar.gz" -C "$plugin" chartproof
( cd "$root/dist" && rm -f ./*.sha256 SHA256SUMS && sha256sum -- * > SHA256SUMS )
ls -1 "$root/dist"
