#!/usr/bin/env bash
# Regenerates docs/fleet-audit.png, the screenshot docs/fleet.md shows: the HTML report of the
# example audit (examples/fleet/matrix.yaml) in Debian's chromium, headless, at 1280x800.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/cli/chartproof}
helm=$("$root/scripts/get-helm.sh")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
"$bin" audit examples/fleet/matrix.yaml --helm "$helm" --format html="$work/audit.html" --progress never >/dev/null || true
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
  --window-size=1280,800 --screenshot="$root/docs/fleet-audit.png" "file://$work/audit.html" >/dev/null 2>&1
echo "wrote docs/fleet-audit.png"
