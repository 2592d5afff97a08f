#!/usr/bin/env python3
"""Source-map coverage over real charts: how much of each render maps to template lines, and where
chart-mode findings land.

Usage: tools/source-map-coverage.py CHARTPROOF HELM CORPUS_DIR [--review N] [--profile P]

For each chart folder in CORPUS_DIR/charts (rendered with the default variant's helm arguments from
INDEX.tsv), prints the share of rendered lines with a template line, the share of findings whose
location is a template or values line (mapped), the share of findings whose line holds the
finding's key (a named segment of its field path: a rule about a missing key reports at the nearest
key that is written, or the list item the path goes through), and the number whose location is not
a file that exists (must be 0). Findings without a field path (a chart's own files, a whole
document) are left out of the key share. With --review N it prints N findings spread over the charts, each with the line
its location names, for a by-hand review.
"""
import argparse
import csv
import json
import os
import shlex
import subprocess
import sys
import tarfile


def file_exists(path):
    """A file, or a member of a chart archive named ARCHIVE!/MEMBER (packaged charts and subcharts)."""
    if "!/" not in path:
        return os.path.isfile(path)
    archive, member = path.split("!/", 1)
    if not os.path.isfile(archive):
        return False
    with tarfile.open(archive) as tar:
        return any(m.isfile() and m.name == member for m in tar.getmembers())


def helm_args(corpus, chart):
    """The --set arguments of the chart's default render (the corpus records them in INDEX.tsv)."""
    with open(os.path.join(corpus, "INDEX.tsv"), newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["file"] == chart + ".yaml":
                args = shlex.split(row["helm_args"])
                out = []
                for i, a in enumerate(args):
                    if a in ("--set", "--set-string") and i + 1 < len(args):
                        out += [a, args[i + 1]]
                return out
    return []


def line_of(path, number):
    try:
        if "!/" in path:
            archive, member = path.split("!/", 1)
            with tarfile.open(archive) as tar:
                lines = tar.extractfile(member).read().decode(errors="replace").split("\n")
        else:
            with open(path, errors="replace") as f:
                lines = f.read().split("\n")
    except (OSError, KeyError, AttributeError, tarfile.TarError):
        return "<cannot read>"
    return lines[number - 1] if 0 < number <= len(lines) else "<no such line>"


def path_keys(path):
    """The named segments of a field path: spec.containers[0].resources.limits.cpu -> [..., limits, cpu]."""
    return [seg.split("[", 1)[0] for seg in path.replace("[", ".[").split(".") if seg and not seg.startswith("[")]


def holds_key(finding):
    """Whether the finding's line names its key, or, for a key the object lacks (no limits, no
    startupProbe), the nearest key on its path that is written: any named segment of the path, or
    the list item (`- name: app`) the path goes through. None when the finding has no field path."""
    path = finding.get("path") or ""
    keys = path_keys(path)
    if not keys:
        return None
    loc = finding["location"]
    text = line_of(loc["file"], loc["line"])
    return any(k in text for k in keys) or ("[" in path and text.lstrip().startswith("-"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chartproof")
    ap.add_argument("helm")
    ap.add_argument("corpus")
    ap.add_argument("--review", type=int, default=0)
    ap.add_argument("--profile", default="strict")
    ap.add_argument("--misses", action="store_true", help="list each finding whose line does not hold its key")
    a = ap.parse_args()
    charts_dir = os.path.join(a.corpus, "charts")
    totals = dict(lines=0, mapped_lines=0, findings=0, mapped=0, values=0, missing_file=0, keyed=0, at_key=0)
    reviewed = []
    print(f"{'chart':52} {'lines':>7} {'mapped':>7} {'findings':>8} {'mapped':>7} {'at key':>7} {'values':>6} "
          f"{'no file':>7}")
    for chart in sorted(os.listdir(charts_dir)):
        path = os.path.join(charts_dir, chart)
        cmd = [a.chartproof, "lint", path, "--helm", a.helm, "--format", "json", "--profile", a.profile,
               "-n", "demo", *helm_args(a.corpus, chart)]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode not in (0, 1):
            print(f"{chart:52} failed: {run.stderr.strip()[:200]}")
            continue
        report = json.loads(run.stdout)
        lines = sum(c["rendered_lines"] for c in report["charts"])
        mapped_lines = sum(c["mapped_lines"] for c in report["charts"])
        findings = report["findings"]
        mapped = sum(1 for f in findings if f["location"]["mapped"])
        values = sum(1 for f in findings if f["value_source"] and f["location"]["file"] == f["value_source"]["file"])
        missing = sum(1 for f in findings if not file_exists(f["location"]["file"]))
        judged = [h for h in (holds_key(f) for f in findings) if h is not None]
        keyed, at_key = len(judged), sum(judged)
        for key, n in (("lines", lines), ("mapped_lines", mapped_lines), ("findings", len(findings)),
                       ("mapped", mapped), ("values", values), ("missing_file", missing), ("keyed", keyed),
                       ("at_key", at_key)):
            totals[key] += n
        print(f"{chart:52} {lines:7} {100 * mapped_lines / max(lines, 1):6.1f}% {len(findings):8} "
              f"{100 * mapped / max(len(findings), 1):6.1f}% {100 * at_key / max(keyed, 1):6.1f}% {values:6} "
              f"{missing:7}")
        if a.misses:
            for f in findings:
                if holds_key(f) is False:
                    loc = f["location"]
                    print(f"    miss {f['rule']} path={f['path']} at {loc['file']}:{loc['line']}: "
                          f"{line_of(loc['file'], loc['line']).strip()[:100]}")
        # One finding per rule and chart, so the review sees many rules and charts, not one noisy rule.
        seen = set()
        for f in findings:
            if f["rule"] not in seen:
                seen.add(f["rule"])
                reviewed.append((chart, f))
    t = totals
    print(f"{'total':52} {t['lines']:7} {100 * t['mapped_lines'] / max(t['lines'], 1):6.1f}% {t['findings']:8} "
          f"{100 * t['mapped'] / max(t['findings'], 1):6.1f}% {100 * t['at_key'] / max(t['keyed'], 1):6.1f}% "
          f"{t['values']:6} {t['missing_file']:7}")
    print(f"findings whose line holds their key: {t['at_key']} of {t['keyed']} with a field path")
    if a.review:
        step = max(1, len(reviewed) // a.review)
        for n, (chart, f) in enumerate(reviewed[::step][:a.review], start=1):
            loc = f["location"]
            print(f"\n[{n}] {chart} {f['rule']}: {f['message']}")
            print(f"    at {loc['file']}:{loc['line']}:{loc['column']} (mapped={loc['mapped']}, path={f['path']})")
            print(f"    | {line_of(loc['file'], loc['line']).strip()[:150]}")
            if f["template_line"] and f["template_line"]["file"] != loc["file"]:
                tl = f["template_line"]
                print(f"    written by {tl['file']}:{tl['line']}: {line_of(tl['file'], tl['line']).strip()[:120]}")
            if f["include_site"]:
                s = f["include_site"]
                print(f"    included from {s['file']}:{s['line']}: {line_of(s['file'], s['line']).strip()[:120]}")
    return 1 if totals["missing_file"] else 0


if __name__ == "__main__":
    sys.exit(main())
