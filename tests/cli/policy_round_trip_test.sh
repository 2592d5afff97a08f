#!/usr/bin/env bash
# `chartproof policy show` prints a policy that `policy check` accepts and that lints exactly as the
# policy it was printed from: every built-in profile and every example policy, over the broken
# example and every rule's fail.yaml. Findings about the policy file itself (unused-exemption, ...)
# are compared without their location, which is in the printed file.
# Usage: policy_round_trip_test.sh CHARTPROOF SOURCE_DIR
set -u
. "$(dirname "$0")/../lib/check.sh"
bin=$1
src=$2
cd "$src"
inputs=(examples/todo-app/rendered-broken.yaml testdata/rules/*/fail.yaml)
compare() {  # compare NAME ORIGINAL.json SHOWN.json
  python3 - "$@" <<'PY'
import json, sys
name, a, b = sys.argv[1:]
def findings(path):
    out = []
    for f in json.load(open(path))["findings"]:
        where = () if f["pack"] == "policy" else (f["location"]["file"], f["location"]["line"], f["location"]["column"])
        out.append((f["rule"], f["severity"], f["message"]) + where)
    return sorted(out)
fa, fb = findings(a), findings(b)
if fa != fb:
    print(f"FAIL: {name}: the printed policy lints differently")
    for x in sorted(set(fa) ^ set(fb))[:10]:
        print("   ", "original" if x in fa else "printed ", x)
    sys.exit(1)
print(f"ok: {name}: {len(fa)} findings, the same")
PY
}
checked=0
for policy in recommended strict pss-baseline pss-restricted policies/examples/*.yaml; do
  if [ -f "$policy" ]; then select=(--policy "$policy"); else select=(--profile "$policy"); fi
  shown=$work/$(basename "$policy" .yaml).shown.yaml
  "$bin" policy show "${select[@]}" > "$shown" || { echo "FAIL: $policy: policy show failed"; failures=$((failures + 1)); continue; }
  if ! out=$("$bin" policy check "$shown" 2>&1); then
    echo "FAIL: $policy: policy check rejects what policy show printed: $out"; failures=$((failures + 1)); continue
  fi
  "$bin" lint "${inputs[@]}" "${select[@]}" --format json --fail-on never > "$work/a.json" 2>/dev/null
  "$bin" lint "${inputs[@]}" --policy "$shown" --format json --fail-on never > "$work/b.json" 2>/dev/null
  compare "$policy" "$work/a.json" "$work/b.json" || failures=$((failures + 1))
  # Showing the printed policy prints it again, unchanged but for its own name in the first line.
  "$bin" policy show --policy "$shown" | tail -n +2 > "$work/again.yaml"
  if ! diff -q <(tail -n +2 "$shown" | grep -v '^    # \|^      # ') <(grep -v '^    # \|^      # ' "$work/again.yaml") >/dev/null; then
    echo "FAIL: $policy: showing the printed policy changes it"; failures=$((failures + 1))
  fi
  checked=$((checked + 1))
done
[ "$checked" -ge 8 ] || { echo "FAIL: only $checked policies checked"; failures=$((failures + 1)); }
finish
