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
# Per rule, findings per severity: one rule can report an error in one case and a warning in another.
counts = collections.defaultdict(collections.Counter)
files = collections.defaultdict(set)
total = collections.Counter()
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    d = json.loads(p.read_text())
    for k in ("documents", "resources", "findings"):
        total[k] += d["summary"][k]
    for f in d["findings"]:
        counts[f["rule"]][f["severity"]] += 1
        files[f["rule"]].add(p.name)
n = len(list(pathlib.Path(sys.argv[1]).glob("*.json")))
print(f"{n} files, {total['documents']} documents, {total['resources']} resources, {total['findings']} findings")
print("| rule | error | warning | info | files |")
print("|---|---|---|---|---|")
for rule in sorted(counts, key=lambda r: (-sum(counts[r].values()), r)):
    c = counts[rule]
    print(f"| `{rule}` | {c['error']} | {c['warning']} | {c['info']} | {len(files[rule])} |")
PY
