#!/usr/bin/env python3
"""How long `chartproof lsp` takes from an edit (didChange sent) to its diagnostics (publish
received), for a plain manifest and for a chart's values.yaml, beside what it stands on: one
`chartproof lint` of the manifest, and one `helm template` of the chart. Medians of N edits, each
alternating two texts so every edit changes the findings.

    bench/lsp_latency.py CHARTPROOF HELM [N]
"""
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(root / "tests/python"))
from lsp_client import Client  # noqa: E402


def median_ms(samples):
    return round(statistics.median(samples) * 1000, 1)


def edits(client, uri, texts, n):
    samples = []
    for i in range(n):
        start = time.perf_counter()
        client.change(uri, texts[i % 2], version=i + 2)
        client.wait_for_diagnostics(uri)
        samples.append(time.perf_counter() - start)
    return samples


def timed(argv, n):
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return samples


def main():
    cli, helm = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 21
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chart = work / "todo-app"
        shutil.copytree(root / "examples/todo-app", chart)
        manifest = chart.parent / "rendered-broken.yaml"
        shutil.copy(root / "examples/todo-app/rendered-broken.yaml", manifest)
        client = Client(cli, work)
        client.initialize({"helm": helm})
        text = manifest.read_text()
        uri = client.open(manifest)
        client.wait_for_diagnostics(uri)
        plain = edits(client, uri, [text.replace("runAsUser: 0", "runAsUser: 1000"), text], n)
        values = chart / "values.yaml"
        vtext = values.read_text()
        vuri = client.open(values)
        client.wait_for_diagnostics(vuri)
        chart_edit = edits(client, vuri, [vtext.replace("runAsUser: 1000", "runAsUser: 0", 1), vtext], n)
        client.close()
        lint = timed([cli, "lint", str(manifest), "--fail-on", "never"], n)
        render = timed([helm, "template", str(chart)], n)
    print(f"plain manifest (examples/todo-app/rendered-broken.yaml), median of {n} edits:")
    print(f"  edit to diagnostics in the server  {median_ms(plain)} ms")
    print(f"  chartproof lint of the file        {median_ms(lint)} ms (a process each, start-up included)")
    print(f"chart values.yaml (examples/todo-app), median of {n} edits:")
    print(f"  edit to diagnostics in the server  {median_ms(chart_edit)} ms")
    print(f"  helm template of the chart         {median_ms(render)} ms")
    print(f"  server minus helm template         {round(median_ms(chart_edit) - median_ms(render), 1)} ms")


if __name__ == "__main__":
    main()
