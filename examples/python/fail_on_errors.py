#!/usr/bin/env python3
"""Fail a build when a rendered chart has errors, and print a table of findings by rule.

    helm template my-release ./chart > rendered.yaml
    python3 examples/python/fail_on_errors.py rendered.yaml
"""
import collections
import sys
from typing import List

import chartproof


def main(paths: List[str]) -> int:
    """Prints a table of findings by rule and each error; exit 1 when there is an error."""
    report = chartproof.lint(paths or ["-"])
    by_rule = collections.Counter((f.rule, f.severity) for f in report)
    print(f"{'rule':34} {'severity':9} count")
    for (rule, severity), count in sorted(by_rule.items(), key=lambda item: (-item[1], item[0])):
        print(f"{rule:34} {severity:9} {count}")
    s = report.summary
    print(f"{s.findings} findings ({s.error} errors) in {s.resources} resources")
    for finding in report:
        if finding.severity == "error":
            print(f"{finding.file}:{finding.line}:{finding.column}: {finding.message} [{finding.rule}]", file=sys.stderr)
    return 0 if report.ok("error") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
