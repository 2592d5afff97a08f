#!/usr/bin/env python3
"""Lint with the team's Python pack: team_lint.py [--format text|json|sarif] [--policy FILE] PATH...
Exit 0 clean, 1 findings at error, 2 bad input (a pack's check that raised included)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import chartproof  # noqa: E402
from team_pack import pack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", default="text", choices=["text", "json", "sarif"])
    parser.add_argument("--policy", action="append", default=[])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    try:
        report = chartproof.lint(args.paths, policy=args.policy or None, packs=[pack])
    except chartproof.Error as e:
        print(f"team_lint: {e}", file=sys.stderr)
        return 2
    if args.format == "json":
        out = report.to_json()
    elif args.format == "sarif":
        out = report.to_sarif()
    else:
        out = report.to_text()
    print(out, end="")
    return 0 if report.ok() else 1


if __name__ == "__main__":
    sys.exit(main())
