#!/usr/bin/env bash
# `cmake --install` gives a usable package: the CLI runs from the prefix, and examples/cpp-pack,
# configured on its own, finds it with find_package(chartproof), links chartproof::chartproof and
# lints the example with its rule pack. Usage: install_test.sh BUILD_DIR SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
build=$1
src=$2
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; echo "FAIL: cmake --install"; exit 1; }
check "the package config is installed" yes "$([ -f "$work/prefix/lib/cmake/chartproof/chartproofConfig.cmake" ] && echo yes)"
check "the public headers are installed" yes "$([ -f "$work/prefix/include/chartproof/request.hpp" ] && echo yes)"
check "no private header is installed" 0 "$(find "$work/prefix/include" -name '*.hpp' | grep -vc '/include/chartproof/')"
out=$("$work/prefix/bin/chartproof" lint "$src/examples/todo-app/rendered.yaml"); code=$?
check "the installed CLI lints the example" "0 no findings (7 documents, 7 resources in 1 file)" "$code $(tail -1 <<<"$out")"

# A consumer outside the source tree: the example pack, configured against the prefix only.
cp -r "$src/examples/cpp-pack" "$work/consumer"
cmake -S "$work/consumer" -B "$work/consumer-build" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release \
  >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; echo "FAIL: find_package(chartproof)"; exit 1; }
cmake --build "$work/consumer-build" -j 2 >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; echo "FAIL: building against the installed package"; exit 1; }
check "the consumer found the installed package" "chartproof_DIR:PATH=$work/prefix/lib/cmake/chartproof" \
  "$(grep '^chartproof_DIR:' "$work/consumer-build/CMakeCache.txt")"
out=$("$work/consumer-build/team-lint" "$src/examples/todo-app/rendered.yaml"); code=$?
check "the consumer runs its pack on the example" 2 "$(grep -c 'warning: Deployment runs 2 replicas but no PodDisruptionBudget selects its pods.*\[replicated-deployment-without-pdb\]' <<<"$out")"
finish
