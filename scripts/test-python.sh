#!/usr/bin/env bash
# The Python package's tests, as `make test` runs them:
#  1. pip install --no-build-isolation . into a venv of Debian's python3 (it has pytest), run tests/python;
#     the modules are built in the release tree (build/), which already holds the library, so
#     nothing is compiled twice;
#  2. import it under the machine's default python3 as well (that interpreter has no pytest and no
#     package index, so a plain script checks it): the same modules when its extension suffix is the
#     same (same ABI), else built for it in the same tree.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/build-python
venv=$out/venv
mkdir -p "$out"
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
CHARTPROOF_CMAKE_BUILD_DIR=$root/build "$venv/bin/pip" install --no-build-isolation --no-deps -q "$root"
cd "$root"
CHARTPROOF_CLI=$root/build/cli/chartproof "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/python \
  | tee "$out/pytest.log"

default=$(command -v python3)
if [ "$(readlink -f "$default")" != "$(readlink -f /usr/bin/python3)" ]; then
  rm -rf "$out/default-lib"
  suffix='import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))'
  if [ "$("$default" -c "$suffix")" = "$("$venv/bin/python" -c "$suffix")" ]; then
    mkdir -p "$out/default-lib"
    cp -r "$("$venv/bin/python" -c 'import chartproof, os; print(os.path.dirname(chartproof.__file__))')" "$out/default-lib/"
  else
    CHARTPROOF_CMAKE_BUILD_DIR=$root/build "$default" setup.py -q build -b "$out/default-build" > "$out/default-build.log" 2>&1 \
      || { cat "$out/default-build.log"; exit 1; }
    cp -r "$(ls -d "$out"/default-build/lib*)/chartproof" "$out/default-lib/"
  fi
  PYTHONPATH=$out/default-lib "$default" tests/python/smoke_default_python.py
fi

# The public API is typed: the examples (what a user writes) and the package pass mypy --strict.
( cd "$root" && MYPYPATH=bindings/python mypy --strict --no-error-summary examples/python examples/python-pack \
  && mypy --strict --no-error-summary bindings/python/chartproof ) | tee "$out/mypy.log"
echo "mypy --strict: examples/python, examples/python-pack and the package pass"

# The wheel: pip wheel ., installed offline into a fresh venv (tests/dist/wheel_test.sh).
bash "$root/tests/dist/wheel_test.sh" "$root" "$root/build" | tee "$out/wheel.log"
