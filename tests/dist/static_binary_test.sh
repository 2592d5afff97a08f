#!/usr/bin/env bash
# `make dist-test`: the static binary needs nothing from the machine. It is not a dynamic
# executable (ldd), and it lints the example inside an empty root (chroot, when run as root; else
# `env -i` in an empty folder) holding only itself and the file. Prints its size and start-up time.
# Usage: static_binary_test.sh BINARY SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
bin=$1
src=$2
check "ldd: not a dynamic executable" 1 "$(ldd "$bin" 2>&1 | grep -c 'not a dynamic executable')"
check "file: statically linked" 1 "$(file -b "$bin" | grep -c 'statically linked')"
cp "$bin" "$work/chartproof"
cp "$src/examples/todo-app/rendered-broken.yaml" "$work/rendered-broken.yaml"
if [ "$(id -u)" = 0 ] && command -v chroot >/dev/null; then
  where="an empty chroot"
  chroot=$(command -v chroot)
  run() { env -i "$chroot" "$work" /chartproof "$@"; }
  file=/rendered-broken.yaml
else
  where="env -i in an empty folder"
  run() { (cd "$work" && env -i ./chartproof "$@"); }
  file=rendered-broken.yaml
fi
out=$(run lint "$file" -q 2>&1); code=$?
check "in $where: exit 1 on the broken example" 1 "$code"
check "in $where: the run-as-root finding at its line" 1 "$(grep -c '^[/]*rendered-broken.yaml:165:24: error: .*\[run-as-root\] in Deployment "todo-app/todo-app-backend"$' <<<"$out")"
out=$(run lint "$file" --format sarif 2>&1)
check "in $where: the schema bundle is inside (schema rules ran)" 1 "$(grep -c '"id": "schema-violation"' <<<"$out")"
out=$(run --version 2>&1)
check "in $where: --version" "chartproof $("$src/scripts/version.sh")" "$out"
# Size and start-up time (median of 20 runs of --version), for the release notes.
size=$(stat -c %s "$bin")
times=$(for _ in $(seq 20); do s=$(date +%s%N); "$bin" --version >/dev/null; e=$(date +%s%N); echo $(((e - s) / 1000)); done | sort -n)
echo "size: $size bytes ($((size / 1024 / 1024)) MiB); start-up (--version, median of 20): $(sed -n 10p <<<"$times") µs"
finish
