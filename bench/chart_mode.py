#!/usr/bin/env python3
"""Chart-mode cost against helm's own: for each chart folder, `chartproof lint CHART` against
`helm template CHART` plus `chartproof lint` of that render (what a user would otherwise run).
Chart mode renders twice at once (the render and the instrumented render for the source map, three
times when a rule compares renders), so the ratio shows what the source map costs.

Each of the three commands runs RUNS times per chart (default 5), taking turns, and the median is
kept, for wall time and for CPU time (user + system of the process and its children, helm
included): one run of each on a shared machine spread the ratio by 0.5 between measurements, and
CPU time is what a change to chartproof changes, wall time what a user waits for.

Usage: bench/chart_mode.py CHARTPROOF HELM CHARTS_DIR [RUNS]
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd):
    """Wall and CPU seconds of one run of `cmd`, and its completed process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, run


def main():
    chartproof, helm, charts = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    totals = {"wall_mode": 0.0, "wall_base": 0.0, "cpu_mode": 0.0, "cpu_base": 0.0}
    worst = (0.0, "")
    print(f"median of {runs} runs per command; ratio = chart mode / (helm template + lint of its output)")
    print(f"{'chart':46} {'helm':>6} {'lint':>6} {'mode':>6} {'ratio':>6}   {'cpu: helm':>9} {'lint':>6} {'mode':>6} {'ratio':>6}")
    for name in sorted(os.listdir(charts)):
        chart = os.path.join(charts, name)
        if not os.path.isfile(os.path.join(chart, "Chart.yaml")):
            continue
        args = ["--namespace", "demo"]
        if name == "external-dns__external-dns":
            args += ["--set", "policy=upsert-only"]  # its values schema requires it (corpus INDEX.tsv)
        first = subprocess.run([helm, "template", "release-name", chart, *args], capture_output=True)
        if first.returncode != 0:
            print(f"{name:46} helm failed")
            continue
        samples = {"helm": [], "lint": [], "mode": []}
        with tempfile.NamedTemporaryFile("wb", suffix=".yaml") as f:
            f.write(first.stdout)
            f.flush()
            for _ in range(runs):
                samples["helm"].append(timed([helm, "template", "release-name", chart, *args])[:2])
                samples["lint"].append(timed([chartproof, "lint", f.name, "-n", "demo", "--format", "json"])[:2])
                samples["mode"].append(timed([chartproof, "lint", chart, "--helm", helm, *args, "--format", "json"])[:2])
        wall = {k: statistics.median(s[0] for s in v) for k, v in samples.items()}
        cpu = {k: statistics.median(s[1] for s in v) for k, v in samples.items()}
        wall_ratio = wall["mode"] / (wall["helm"] + wall["lint"])
        cpu_ratio = cpu["mode"] / (cpu["helm"] + cpu["lint"])
        worst = max(worst, (wall_ratio, name))
        totals["wall_mode"] += wall["mode"]
        totals["wall_base"] += wall["helm"] + wall["lint"]
        totals["cpu_mode"] += cpu["mode"]
        totals["cpu_base"] += cpu["helm"] + cpu["lint"]
        print(f"{name:46} {wall['helm']:5.2f}s {wall['lint']:5.2f}s {wall['mode']:5.2f}s {wall_ratio:6.2f}   "
              f"{cpu['helm']:8.2f}s {cpu['lint']:5.2f}s {cpu['mode']:5.2f}s {cpu_ratio:6.2f}")
    print(f"{'total':46} {'':6} {'':6} {totals['wall_mode']:5.2f}s {totals['wall_mode'] / totals['wall_base']:6.2f}   "
          f"{'':9} {'':6} {totals['cpu_mode']:5.2f}s {totals['cpu_mode'] / totals['cpu_base']:6.2f}")
    print(f"worst wall ratio: {worst[0]:.2f} ({worst[1]})")


if __name__ == "__main__":
    main()
