#!/usr/bin/env bash
# scripts/release.sh in a throwaway clone: it refuses a bad version, a dirty tree and an existing
# tag; it bumps the version everywhere it is written, commits and tags vX.Y.Z. (The artifacts it
# builds are those of make dist, which make dist-test builds and tests.) Usage: release_test.sh SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
src=$1
git clone -q "$src" "$work/clone"
cd "$work/clone"
git config user.name test && git config user.email test@example.invalid
scripts/release.sh 1.2 --no-dist >/dev/null 2>&1; check "a version that is not x.y.z is refused" 2 "$?"
touch stray-file
scripts/release.sh 9.8.7 --no-dist >/dev/null 2>&1; check "a dirty tree is refused" 2 "$?"
rm stray-file
out=$(scripts/release.sh 9.8.7 --no-dist 2>&1); code=$?
check "release 9.8.7" "0 release: v9.8.7 tagged" "$code $out"
check "CMakeLists.txt has the version" 1 "$(grep -c '^project(chartproof VERSION 9.8.7 LANGUAGES CXX)$' CMakeLists.txt)"
check "the Helm plugin has it" 1 "$(grep -c '^version: 9.8.7$' helm-plugin/plugin.yaml)"
check "the pre-commit recipe names the tag" 1 "$(grep -c '^    rev: v9.8.7$' docs/ci.md)"
check "docs/install.md names the binary" 1 "$(grep -c 'dist/chartproof-9.8.7-linux-x86_64' docs/install.md)"
check "no other file still has the old version" "" "$(git grep -lE 'VERSION 0\.1\.0|^version: 0\.1\.0|rev: v0\.1\.0' -- . ':!tests' ':!testdata' ':!examples' || true)"
check "the release commit" "Release 9.8.7" "$(git log -1 --format=%s)"
check "the tag points at it" "$(git rev-parse HEAD)" "$(git rev-parse 'v9.8.7^{commit}')"
check "the tree is clean after" "" "$(git status --porcelain)"
scripts/release.sh 9.8.7 --no-dist >/dev/null 2>&1; check "an existing tag is refused" 2 "$?"
finish
