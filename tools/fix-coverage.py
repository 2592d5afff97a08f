#!/usr/bin/env python3
"""What `chartproof fix` does over the corpus charts: per chart, the findings, those that declare a
fix, and what became of each (kept after verification, dropped by it, no automatic edit), plus the
edited lines by file kind (values, template). Each chart is fixed in a temporary copy.

Usage: tools/fix-coverage.py CHARTPROOF HELM CORPUS [--profile P]
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import importlib.util


def corpus_set_args(corpus, chart):
    """The chart's --set arguments, as tools/source-map-coverage.py reads them from INDEX.tsv."""
    spec = importlib.util.spec_from_file_location(
        "source_map_coverage", os.path.join(os.path.dirname(os.path.abspath(__file__)), "source-map-coverage.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.helm_args(corpus, chart)


OUTCOME = re.compile(r"^(.+?):(\d+): (kept|dropped|no edit) \[([a-z0-9-]+)\] .*?: (.*)$")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("chartproof")
    parser.add_argument("helm")
    parser.add_argument("corpus")
    parser.add_argument("--profile", default="strict")
    a = parser.parse_args()
    charts_dir = os.path.join(a.corpus, "charts")
    totals = collections.Counter()
    reasons = collections.Counter()
    print(f"{'chart':52} {'findings':>8} {'fixable':>7} {'kept':>5} {'dropped':>7} {'no edit':>7}")
    for name in sorted(os.listdir(charts_dir)):
        source = os.path.join(charts_dir, name)
        if not os.path.isfile(os.path.join(source, "Chart.yaml")):
            continue
        extra = corpus_set_args(a.corpus, name)
        with tempfile.TemporaryDirectory() as tmp:
            chart = os.path.join(tmp, name)
            shutil.copytree(source, chart)
            common = ["--helm", a.helm, "--profile", a.profile, "-n", "demo", *extra]
            lint = subprocess.run([a.chartproof, "lint", chart, *common, "--format", "json", "--fail-on", "never"],
                                  capture_output=True, text=True)
            report = json.loads(lint.stdout)
            count = sum(1 + len(f.get("more", [])) for f in report["findings"])
            run = subprocess.run([a.chartproof, "fix", chart, *common], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"{name:52} fix failed: {run.stderr.strip()[:100]}")
                totals["failed"] += 1
                continue
            row = collections.Counter()
            for line in run.stderr.splitlines():
                m = OUTCOME.match(line)
                if not m:
                    continue
                path, _, status, rule, reason = m.groups()
                row[status] += 1
                if status == "kept":
                    kind = "values" if os.path.basename(path).startswith("values") else "template"
                    totals["kept in " + kind] += 1
                else:
                    reasons[f"{status}: {reason}"] += 1
            fixable = row["kept"] + row["dropped"] + row["no edit"]
            totals.update({"findings": count, "fixable": fixable, **row})
            print(f"{name:52} {count:8} {fixable:7} {row['kept']:5} {row['dropped']:7} {row['no edit']:7}")
    print(f"{'total':52} {totals['findings']:8} {totals['fixable']:7} {totals['kept']:5} {totals['dropped']:7} "
          f"{totals['no edit']:7}")
    offered = totals["kept"] + totals["dropped"]
    if offered:
        print(f"kept after verification: {totals['kept']} of {offered} edits offered "
              f"({100 * totals['kept'] / offered:.1f}%); in values files {totals['kept in values']}, "
              f"in templates {totals['kept in template']}")
    for reason, n in reasons.most_common():
        print(f"  {n:4}  {reason}")


if __name__ == "__main__":
    main()
