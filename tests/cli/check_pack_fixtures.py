#!/usr/bin/env python3
"""Checks a rule pack's fixtures the way tests/rules checks the built-in ones.

Each FIXTURE_DIR/<rule-id>/ holds pass.yaml (no finding of that rule) and fail.yaml (a finding of
that rule on each line marked `# expect: <rule-id>`, and on no other line). The linter is any
command that prints chartproof's JSON report for one file.
Usage: check_pack_fixtures.py FIXTURE_DIR -- COMMAND... (the file is appended); exit 1 on a mismatch.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

EXPECT = re.compile(r"#\s*expect:\s*([a-z0-9-]+)")


def lines_of(command, path, rule):
    out = subprocess.run(command + [str(path)], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} {path}: exit {out.returncode}\n{out.stderr}")
    report = json.loads(out.stdout)
    return sorted(f["location"]["line"] for f in report["findings"] if f["rule"] == rule)


def main():
    split = sys.argv.index("--")
    root, command = Path(sys.argv[1]), sys.argv[split + 1:]
    failures, checked = 0, 0
    for rule_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        rule = rule_dir.name
        expected = sorted(i for i, line in enumerate((rule_dir / "fail.yaml").read_text().splitlines(), 1)
                          if (m := EXPECT.search(line)) and m.group(1) == rule)
        for name, want in (("pass.yaml", []), ("fail.yaml", expected)):
            got = lines_of(command, rule_dir / name, rule)
            checked += 1
            if got != want:
                failures += 1
                print(f"FAIL: {rule}/{name}: {rule} at lines {got}, expected {want}")
            else:
                print(f"ok: {rule}/{name}: {rule} at lines {want}")
        if not expected:
            failures += 1
            print(f"FAIL: {rule}/fail.yaml has no `# expect: {rule}` line")
    if checked == 0:
        print(f"FAIL: no fixtures under {root}")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
