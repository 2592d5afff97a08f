#!/usr/bin/env bash
# Findings per rule over ../shared/corpus/rendered, each rendered chart linted on its own (as a user
# would lint one `helm template` output). Usage: tools/corpus-stats.sh [BUILD_DIR] [extra lint args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}; shift || true
corpus=${CHARTPROOF_CORPUS:-$root/../shared/corpus/rendered}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$corpus"/*.yaml; do
  "$build/cli/chartproof" lint --format json --fail-on never "$@" "$f" > "$out/$(basename "$f").json"
done
python3 - "$out" <<'PY'
import collections, json, pathlib, sys
rules, sev, files = collections.Counter(), {}, collections.defaultdict(set)
total = collections.Counter()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    d = json.loads(p.read_text())
    for k in ("documents", "resources", "findings"):
        total[k] += d["summary"][k]
    for f in d["findings"]:
        rules[f["rule"]] += 1
        sev[f["rule"]] = f["severity"]
        files[f["rule"]].add(p.name)
n = len(list(pathlib.Path(sys.argv[1]).glob("*.json")))
print(f"{n} files, {total['documents']} documents, {total['resources']} resources, {total['findings']} findings")
print("| rule | severity | findings | files |")
print("|---|---|---|---|")
for rule, count in rules.most_common():
    print(f"| `{rule}` | {sev[rule]} | {count} | {len(files[rule])} |")
PY
