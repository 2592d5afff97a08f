#!/usr/bin/env bash
# `pip wheel .` builds a wheel that installs offline into a fresh venv (no system site packages, no
# index) with a complete metadata, the chartproof console script and `python -m chartproof`.
# Usage: wheel_test.sh SOURCE_DIR BUILD_DIR (a configured release tree whose library it reuses)
set -u
. "$(dirname "$0")/../lib/check.sh"
src=$1
build=$2
version=$("$src/scripts/version.sh")
CHARTPROOF_CMAKE_BUILD_DIR=$build /usr/bin/python3 -m pip wheel --no-build-isolation --no-deps -q -w "$work/wheels" "$src" \
  >"$work/wheel.log" 2>&1 || { tail -20 "$work/wheel.log"; echo "FAIL: pip wheel"; exit 1; }
wheel=$(ls "$work"/wheels/chartproof-"$version"-*.whl 2>/dev/null | head -1)
check "the wheel is named for the version" 1 "$([ -n "$wheel" ] && echo 1 || echo 0)"
meta=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' \
  "$wheel" "chartproof-$version.dist-info/METADATA")
for field in "Version: $version" "Requires-Python: >=3.9" "Summary: Lint Kubernetes manifests rendered from Helm charts" \
             "Classifier: Programming Language :: Python :: 3" "Classifier: Operating System :: POSIX :: Linux" \
             "Classifier: Topic :: Software Development :: Quality Assurance" "Description-Content-Type: text/markdown"; do
  check "metadata: $field" 1 "$(grep -cxF "$field" <<<"$meta")"
done
/usr/bin/python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --no-index --no-deps -q "$wheel" || { echo "FAIL: offline install into a fresh venv"; exit 1; }
cd "$work"
check "the console script" "chartproof $version" "$("$work/venv/bin/chartproof" --version)"
check "python -m chartproof" "chartproof $version" "$("$work/venv/bin/python" -m chartproof version)"
out=$("$work/venv/bin/chartproof" lint "$src/examples/todo-app/rendered-broken.yaml" -q); code=$?
check "the installed console script lints" "1 7" "$code $(wc -l <<<"$out")"
check "the module imports outside the source tree" "$version" \
  "$("$work/venv/bin/python" -c 'import chartproof; print(chartproof.__version__)')"
finish
