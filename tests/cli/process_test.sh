#!/usr/bin/env bash
# The real executable: stdin, exit codes, stderr. Usage: process_test.sh CHARTPROOF SOURCE_DIR
set -u
bin=$1
src=$2
failures=0
check() {  # check NAME EXPECTED ACTUAL
  if [ "$2" != "$3" ]; then
    echo "FAIL: $1: expected [$2], got [$3]"
    failures=$((failures + 1))
  else
    echo "ok: $1"
  fi
}

out=$("$bin" lint - < "$src/examples/todo-app/rendered-broken.yaml"); code=$?
check "stdin exit code" 1 "$code"
check "stdin is reported as <stdin>" 1 "$(grep -c '^<stdin>:165:24: error: container "backend" runs as UID 0 (root), which its runAsNonRoot: true forbids: the kubelet refuses to start it \[run-as-root\]$' <<<"$out")"

out=$(cat "$src/examples/todo-app/rendered.yaml" | "$bin" lint -); code=$?
check "clean stdin exit code" 0 "$code"

# A gate never passes because it checked nothing: empty stdin, a folder without YAML, only comments.
empty_dir=$(mktemp -d)
printf '# only a comment\n---\n' > "$empty_dir/comments.yaml"
mkdir "$empty_dir/no-yaml" && touch "$empty_dir/no-yaml/README.md"
err=$("$bin" lint - < /dev/null 2>&1 >/dev/null); code=$?
check "empty stdin exit code" 2 "$code"
check "empty stdin message" "chartproof: no Kubernetes objects in the input (empty input, no YAML files, or only comments); --allow-empty accepts that" "$err"
"$bin" lint "$empty_dir/no-yaml" >/dev/null 2>&1; check "a folder with no YAML exit code" 2 "$?"
"$bin" lint "$empty_dir/comments.yaml" >/dev/null 2>&1; check "a file with only comments exit code" 2 "$?"
out=$("$bin" lint --allow-empty - < /dev/null); code=$?
check "--allow-empty accepts an empty input" "0 no findings (0 documents, 0 resources in 1 file)" "$code $(tail -1 <<<"$out")"
rm -rf "$empty_dir"

# A finding in a policy file shows the policy's line in its code frame.
policy_dir=$(mktemp -d)
printf 'apiVersion: chartproof.io/v1\nkind: Policy\nexemptions:\n  - rules: [host-path-mounted]\n    reason: old\n    expires: 2020-01-01\n' > "$policy_dir/p.yaml"
out=$("$bin" lint --policy "$policy_dir/p.yaml" "$src/examples/todo-app/rendered.yaml")
check "a policy finding's code frame shows the policy line" 1 "$(grep -c '^  4 |   - rules: \[host-path-mounted\]$' <<<"$out")"
rm -rf "$policy_dir"

# --output to a file that is not a regular file (/dev/null) is written in place, not replaced.
"$bin" lint --output /dev/null "$src/examples/todo-app/rendered.yaml"; check "--output /dev/null exit code" 0 "$?"
check "/dev/null is still a character device" yes "$([ -c /dev/null ] && echo yes)"

err=$("$bin" lint /nonexistent.yaml 2>&1 >/dev/null); code=$?
check "missing file exit code" 2 "$code"
check "missing file message" "chartproof: /nonexistent.yaml: no such file or directory" "$err"

"$bin" lint --jobs nope x.yaml >/dev/null 2>&1; check "bad option exit code" 2 "$?"
"$bin" --version >/dev/null; check "--version exit code" 0 "$?"
check "version works like --version" "$("$bin" --version)" "$("$bin" version)"
err=$("$bin" lnt x.yaml 2>&1 >/dev/null); code=$?
check "an unknown command is exit 2" 2 "$code"
check "and suggests the nearest" 'chartproof: unknown command "lnt" (did you mean "lint" or "lsp"?); commands: lint, audit, fix, lsp, rules, explain, policy, cel, version, completion' "$err"

out=$(NO_COLOR=1 "$bin" lint "$src/examples/todo-app/rendered-broken.yaml"); 
check "no escape codes when not a terminal" 0 "$(grep -c $'\x1b' <<<"$out")"

# The schema target: a version with no bundled schemas and a bad mode are usage errors.
err=$("$bin" lint --kube-version 1.22 "$src/examples/todo-app/rendered.yaml" 2>&1 >/dev/null); code=$?
check "unbundled --kube-version" "2 chartproof: no schemas for Kubernetes 1.22 (--kube-version); bundled versions: 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36" "$code $err"
"$bin" lint --schema-mode loose "$src/examples/todo-app/rendered.yaml" >/dev/null 2>&1; check "bad --schema-mode" 2 "$?"
out=$("$bin" lint --kube-version v1.28.4 --schema-mode lenient --schema-dir "$src/testdata/schema-dir" "$src/examples/todo-app/rendered.yaml"); code=$?
check "schema options accepted" "0 no findings (7 documents, 7 resources in 1 file)" "$code $out"

# Hostile input through the real binary: exit 0/1/2 only, never a signal.
for f in "$src"/testdata/manifests/bad/*.yaml; do
  "$bin" lint "$f" >/dev/null 2>&1; code=$?
  if [ "$code" -gt 2 ]; then echo "FAIL: $f exited $code"; failures=$((failures + 1)); fi
done
echo "ok: bad inputs exit 0, 1 or 2"

# A helm that hangs is stopped after --helm-timeout: a located error and exit 2, not a hung gate.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/chart/templates"
printf 'apiVersion: v2\nname: slow\nversion: 0.1.0\n' > "$tmp/chart/Chart.yaml"
printf '#!/bin/sh\nsleep 30\n' > "$tmp/slow-helm"; chmod +x "$tmp/slow-helm"
start=$(date +%s)
err=$("$bin" lint --helm "$tmp/slow-helm" --helm-timeout 1 "$tmp/chart" 2>&1 >/dev/null); code=$?
check "hung helm is stopped" "2 chartproof: $tmp/chart: helm template did not finish within 1 s and was stopped; raise --helm-timeout if the chart is that slow to render" "$code $err"
check "hung helm stops within a few seconds" 1 "$(( $(date +%s) - start < 10 ))"

if [ "$failures" -ne 0 ]; then echo "$failures failed"; exit 1; fi
