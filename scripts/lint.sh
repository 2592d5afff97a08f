#!/usr/bin/env bash
# `make lint`: clang-format must leave every C++ file as it is, and clang-tidy (.clang-tidy) must
# find nothing in lib/, cli/ and bindings/. Usage: scripts/lint.sh BUILD_DIR (a configured tree; its
# compile_commands.json tells clang-tidy the flags; the extra arguments quiet clang about GCC-only
# flags and about rapidjson's C++20 comparison operators, which are not our code).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
cd "$root"
cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
mapfile -t sources < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' | grep -E '^(lib|cli|bindings|tests|bench)/')
unformatted=()
for f in "${sources[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -ne 0 ]; then
  echo "lint: clang-format would change: ${unformatted[*]}" >&2
  echo "lint: run clang-format -i on them" >&2
  exit 1
fi
echo "lint: clang-format: ${#sources[@]} files formatted"
mapfile -t units < <(printf '%s\n' "${sources[@]}" | grep -E '^(lib|cli|bindings)/.*\.cpp$')
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -n 8 clang-tidy -p "$build" --quiet \
  --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-ignored-optimization-argument \
  --extra-arg=-Wno-ambiguous-reversed-operator 2>/dev/null | tee "$build/clang-tidy.log"
if grep -q "warning:\|error:" "$build/clang-tidy.log"; then
  echo "lint: clang-tidy found problems (above)" >&2
  exit 1
fi
echo "lint: clang-tidy: ${#units[@]} files clean"
