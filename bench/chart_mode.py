#!/usr/bin/env python3
"""Chart-mode cost against helm's own: for each chart folder, the wall time of
`chartproof lint CHART` against `helm template CHART` plus `chartproof lint` of that render (what a
user would otherwise run). One run per chart on this machine; ratios, not absolute times, are what
to compare. Chart mode renders twice at once (the render and the instrumented render for the source
map, three times when a rule compares renders), so the ratio shows what the source map costs.

Usage: bench/chart_mode.py CHARTPROOF HELM CHARTS_DIR
"""
import os
import subprocess
import sys
import tempfile
import time


def timed(cmd, **kw):
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True, **kw)
    return time.perf_counter() - start, run


def main():
    chartproof, helm, charts = sys.argv[1:4]
    total_mode = total_base = 0.0
    print(f"{'chart':52} {'helm':>7} {'lint':>7} {'chart mode':>10} {'ratio':>6}")
    for name in sorted(os.listdir(charts)):
        chart = os.path.join(charts, name)
        if not os.path.isfile(os.path.join(chart, "Chart.yaml")):
            continue
        args = ["--namespace", "demo"]
        if name == "external-dns__external-dns":
            args += ["--set", "policy=upsert-only"]  # its values schema requires it (corpus INDEX.tsv)
        t_helm, render = timed([helm, "template", "release-name", chart, *args])
        if render.returncode != 0:
            print(f"{name:52} helm failed")
            continue
        with tempfile.NamedTemporaryFile("wb", suffix=".yaml") as f:
            f.write(render.stdout)
            f.flush()
            t_lint, _ = timed([chartproof, "lint", f.name, "-n", "demo", "--format", "json"])
        t_mode, _ = timed([chartproof, "lint", chart, "--helm", helm, *args, "--format", "json"])
        base = t_helm + t_lint
        total_mode += t_mode
        total_base += base
        print(f"{name:52} {t_helm:6.2f}s {t_lint:6.2f}s {t_mode:9.2f}s {t_mode / base:6.2f}")
    print(f"{'total':52} {'':7} {'':7} {total_mode:9.2f}s {total_mode / total_base:6.2f}")


if __name__ == "__main__":
    main()
