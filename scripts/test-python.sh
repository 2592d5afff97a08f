#!/usr/bin/env bash
# The Python package's tests, as `make test` runs them:
#  1. pip install --no-build-isolation . into a venv of Debian's python3 (it has pytest), run tests/python;
#  2. build the module for the machine's default python3 as well and import it there (that
#     interpreter has no pytest and no package index, so a plain script checks it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-python
venv=$out/venv
mkdir -p "$out"
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
CHARTPROOF_CMAKE_BUILD_DIR=$out/cmake "$venv/bin/pip" install --no-build-isolation --no-deps -q "$root"
cd "$root"
CHARTPROOF_CLI=$root/build/cli/chartproof "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/python \
  | tee "$out/pytest.log"

default=$(command -v python3)
if [ "$(readlink -f "$default")" != "$(readlink -f /usr/bin/python3)" ]; then
  rm -rf "$out/default-lib"
  CHARTPROOF_CMAKE_BUILD_DIR=$out/cmake-default "$default" setup.py -q build -b "$out/default-lib" > "$out/default-build.log" 2>&1 \
    || { cat "$out/default-build.log"; exit 1; }
  PYTHONPATH=$(ls -d "$out"/default-lib/lib*) "$default" tests/python/smoke_default_python.py
fi
