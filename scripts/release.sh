#!/usr/bin/env bash
# `make release VERSION=x.y.z`: bumps the version everywhere it is written (CMakeLists.txt's
# project(), the Helm plugin, the pre-commit and install docs), commits "Release x.y.z", builds and
# tests every artifact into dist/ with SHA256SUMS (make dist-test), then tags vx.y.z: the tag the
# pre-commit recipe in docs/ci.md names. Nothing is tagged when a step fails.
# Usage: release.sh VERSION [--no-dist]   (--no-dist: bump, commit and tag only; CI builds and tests
#        the artifacts of every commit with make dist-test)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
version=${1:-}
build=yes
[ "${2:-}" = "--no-dist" ] && build=no
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release: VERSION must be x.y.z, not \"$version\"" >&2; exit 2; }
[ -z "$(git status --porcelain)" ] || { echo "release: the working tree has changes; commit or stash them first" >&2; exit 2; }
if git rev-parse -q --verify "refs/tags/v$version" >/dev/null; then
  echo "release: tag v$version exists already" >&2
  exit 2
fi
old=$(scripts/version.sh)
sed -i -E "s/^project\(chartproof VERSION $old /project(chartproof VERSION $version /" CMakeLists.txt
sed -i -E "s/^version: $old\$/version: $version/" helm-plugin/plugin.yaml
sed -i -E "s/rev: v$old\$/rev: v$version/" docs/ci.md
sed -i -E "s/chartproof-$old-linux-x86_64/chartproof-$version-linux-x86_64/" docs/install.md
git commit -qam "Release $version"
if [ "$build" = yes ]; then
  rm -rf dist
  make dist-test
fi
git tag -a "v$version" -m "chartproof $version"
echo "release: v$version tagged$([ "$build" = yes ] && echo "; artifacts and SHA256SUMS in dist/")"
