#!/usr/bin/env python3
"""The HTML report in a real browser: Debian's chromium (headless) renders the audit of a fleet;
the DOM's overview counts equal the audit's JSON, every finding has its own anchor, the severity
filter (set from the URL) hides the others, nothing is fetched from the network, and a 1280x800
screenshot is not blank. `chartproof lint --format html` is checked the same way.
Usage: html_report_test.py CHARTPROOF SOURCE_DIR"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

failures = 0


def check(name, expected, actual):
    global failures
    if expected != actual:
        print(f"FAIL: {name}: expected [{expected}], got [{actual}]")
        failures += 1
    else:
        print(f"ok: {name}")


class Dom(HTMLParser):
    """The parts of the dumped DOM the checks read."""

    def __init__(self):
        super().__init__()
        self.ids = []
        self.totals = {}
        self.cells = []
        self.findings = []
        self.external = []
        self.cards = []  # task cards: id, hidden, failed
        self.grid = []
        self._total = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
            if a["id"].startswith("total-") or a["id"] == "shown-count":
                self._total = a["id"][6:] if a["id"].startswith("total-") else a["id"]
        if tag == "td" and "data-pack" in a:
            self.cells.append({k: int(a[f"data-{k}"]) for k in ("error", "warning", "info")})
        if tag == "td" and "data-environment" in a:
            self.grid.append({k: int(a[f"data-{k}"]) for k in ("error", "warning", "info", "tasks", "failed")})
        if tag == "section" and "task" in a.get("class", "").split():
            self.cards.append({"id": a.get("id"), "hidden": "display: none" in a.get("style", ""),
                               "failed": "failed" in a.get("class", "").split()})
        if tag == "div" and "finding" in a.get("class", "").split():
            self.findings.append({"severity": a["data-severity"], "rule": a["data-rule"],
                                  "tasks": int(a["data-tasks"]), "card": len(self.cards) - 1,
                                  "hidden": "display: none" in a.get("style", "")})
        for key in ("src", "href"):
            if key in a and re.match(r"^[a-z]+:", a[key] or ""):
                self.external.append(a[key])
        if tag == "link":
            self.external.append(str(a))

    def handle_data(self, data):
        if self._total is not None:
            self.totals[self._total] = int(data)
            self._total = None


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    print("FAIL: chromium is required (scripts/install-deps.sh installs Debian's chromium)")
    sys.exit(1)


def browser(args, url):
    # --no-sandbox: CI runs as root; --user-data-dir: a fresh profile, so nothing is shared or kept.
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
                               f"--user-data-dir={profile}", *args, url],
                              capture_output=True, text=True, timeout=120)


def dump_dom(path, fragment=""):
    dom = Dom()
    dom.feed(browser(["--dump-dom", "--virtual-time-budget=2000"], f"file://{path}{fragment}").stdout)
    return dom


def png_colours(path):
    """Width, height and the number of distinct colours of an 8-bit RGB(A) PNG, decoded here (PNG's
    five row filters undone) so the test needs no imaging library."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, colour = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"unexpected PNG format: depth {depth}, colour type {colour}"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    bpp = 4 if colour == 6 else 3
    stride = width * bpp
    previous = bytearray(stride)
    colours = set()
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = row[x - bpp] if x >= bpp else 0
            up = previous[x]
            upleft = previous[x - bpp] if x >= bpp else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                row[x] = (row[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 0xFF
        if y % 4 == 0:
            for x in range(0, stride, bpp * 2):
                colours.add(bytes(row[x:x + 3]))
        previous = row
    return width, height, len(colours)


def audit_findings(tasks):
    """(distinct findings, findings over every task) of an audit's JSON tasks: a finding its chart
    repeats in several tasks (rule, severity, place, message) is one."""
    distinct, every = set(), 0
    for t in tasks:
        for f in (t["report"] or {}).get("findings", []):
            at = f["location"]
            distinct.add((t["chart"], f["rule"], f["severity"], at["file"], at["line"], at["column"], f["message"]))
            every += 1
    return len(distinct), every


def check_report(label, html, expected_totals, expected_findings, tasks=None):
    text = Path(html).read_text()
    check(f"{label}: no external resource in the page", [],
          re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//[^"]*"', text) +
          re.findall(r"@import|url\(", text))
    dom = dump_dom(html)
    for key, value in expected_totals.items():
        check(f"{label}: overview {key} equals the JSON", value, dom.totals.get(key))
    for sev in ("error", "warning", "info"):
        check(f"{label}: heatmap {sev} cells add up to the total", expected_totals[sev], sum(c[sev] for c in dom.cells))
    distinct, every = expected_findings
    check(f"{label}: a finding element per distinct finding", distinct, len(dom.findings))
    check(f"{label}: with the tasks it appears in, they add up to every task's findings", every,
          sum(f["tasks"] for f in dom.findings))
    check(f"{label}: every id is unique (linkable)", len(dom.ids), len(set(dom.ids)))
    rank = {"error": 0, "warning": 1, "info": 2}
    by_card = {}
    for f in dom.findings:
        by_card.setdefault(f["card"], []).append(rank[f["severity"]])
    check(f"{label}: within a card, errors first, then warnings, then info", True,
          all(r == sorted(r) for r in by_card.values()))
    filtered = dump_dom(html, "#severity=error")
    shown = [f for f in filtered.findings if not f["hidden"]]
    errors = sum(1 for f in dom.findings if f["severity"] == "error")
    check(f"{label}: #severity=error shows only errors", errors, len(shown))
    check(f"{label}: and they are errors", True, all(f["severity"] == "error" for f in shown))
    check(f"{label}: the count says how many are shown", errors, filtered.totals.get("shown-count"))
    with_errors = {f["card"] for f in shown}
    check(f"{label}: cards the filter empties are hidden, the others (and failed tasks) are not", True,
          all(c["hidden"] == (i not in with_errors and not c["failed"]) for i, c in enumerate(filtered.cards)))
    return dom


def main():
    bin, src = sys.argv[1], Path(sys.argv[2])
    helm = subprocess.run([str(src / "scripts/get-helm.sh")], capture_output=True, text=True).stdout.strip()
    if not helm:
        print("FAIL: helm is required (scripts/get-helm.sh could not provide it)")
        return 1
    work = Path(tempfile.mkdtemp())
    skipped_corpus = False
    try:
        os.chdir(work)
        (work / "charts").mkdir()
        shutil.copytree(src / "testdata/charts/source-map", work / "charts/web")
        shutil.copytree(src / "examples/todo-app", work / "charts/todo")
        shutil.copytree(src / "testdata/charts/required-value", work / "charts/pinned")
        matrix = work / "matrix.yaml"
        matrix.write_text('kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: charts/*\n')
        subprocess.run([bin, "audit", str(matrix), "--helm", helm, "--format", "html=audit.html", "--format",
                        "json=audit.json", "--enable", "hygiene"], capture_output=True)
        summary = json.loads(Path("audit.json").read_text())["summary"]
        tasks = json.loads(Path("audit.json").read_text())["tasks"]
        check("the audit has findings of every severity and a failed task", True,
              summary["error"] > 0 and summary["warning"] > 0 and summary["info"] > 0 and summary["failed"] > 0)
        dom = check_report("audit", work / "audit.html", summary, audit_findings(tasks))
        check("a finding repeated in both Kubernetes versions is one element naming both tasks", True,
              any(f["tasks"] == 2 for f in dom.findings))
        for sev in ("error", "warning", "info"):
            check(f"the environment x version grid's {sev} cells add up to the total", summary[sev],
                  sum(c[sev] for c in dom.grid))
        check("the grid has a cell per version, counting every task", (2, summary["tasks"], summary["failed"]),
              (len(dom.grid), sum(c["tasks"] for c in dom.grid), sum(c["failed"] for c in dom.grid)))
        shot = browser(["--screenshot=" + str(work / "shot.png"), "--window-size=1280,800", "--hide-scrollbars"],
                       f"file://{work / 'audit.html'}")
        if not (work / "shot.png").exists():
            print(f"FAIL: no screenshot: {shot.stderr[-500:]}")
            return 1
        width, height, colours = png_colours(work / "shot.png")
        check("the screenshot is 1280x800", (1280, 800), (width, height))
        check("the screenshot is not blank", True, colours > 20)

        # A single run's HTML: the same page over one report.
        out = subprocess.run([bin, "lint", "charts/web", "--helm", helm, "--enable", "hygiene", "--format",
                              "html=lint.html", "--format", "json=lint.json"], capture_output=True, text=True)
        lint = json.loads(Path("lint.json").read_text())
        dom = check_report("lint", work / "lint.html",
                           {k: lint["summary"][k] for k in ("error", "warning", "info")},
                           (len(lint["findings"]), len(lint["findings"])))
        check("lint exit code unchanged by --format html", 1, out.returncode)
        check("lint: no task counts in a single run", None, dom.totals.get("tasks"))

        # The corpus audit (15 real charts x 2 versions), when ../shared is beside the checkout.
        corpus = (src / ".." / "shared" / "corpus" / "charts").resolve()
        if corpus.is_dir():
            (work / "corpus.yaml").write_text(f'kubeVersions: ["1.30.0", "1.33.0"]\ncharts:\n  - path: {corpus}/*\n')
            subprocess.run([bin, "audit", "corpus.yaml", "--helm", helm, "--format", "html=corpus.html", "--format",
                            "json=corpus.json"], capture_output=True)
            data = json.loads(Path("corpus.json").read_text())
            check("corpus: 30 tasks", 30, data["summary"]["tasks"])
            check_report("corpus audit", work / "corpus.html", data["summary"], audit_findings(data["tasks"]))
            browser(["--screenshot=" + str(work / "corpus.png"), "--window-size=1280,800", "--hide-scrollbars"],
                    f"file://{work / 'corpus.html'}")
            width, height, colours = png_colours(work / "corpus.png")
            check("corpus: the screenshot is 1280x800 and not blank", (1280, 800, True), (width, height, colours > 20))
        else:
            skipped_corpus = True

        # Secrets found in user files are never shown in full: the page masks them as the text does.
        fixture = src / "testdata/rules/plaintext-secret-in-env/fail.yaml"
        secrets = [m.group(1).strip('"\'') for m in
                   re.finditer(r'value: ("?[^\s"|>]{6,}"?)\s+# expect: plaintext-secret-in-env', fixture.read_text())]
        page = subprocess.run([bin, "lint", str(fixture), "--format", "html"], capture_output=True, text=True).stdout
        check("the fixture has secrets to hide", True, len(secrets) >= 4)
        check("no secret appears in full in the page", [], [x for x in secrets if x in page])
        check("the page shows the masked frames", True, page.count("plaintext-secret-in-env") >= len(secrets))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"{failures} failed")
        return 1
    if skipped_corpus:
        print("skipped: the corpus audit (../shared/corpus/charts is not beside the checkout); the rest passed")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
