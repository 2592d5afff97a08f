#!/usr/bin/env python3
"""What a Python rule costs: a trivial rule (one call per resource, reports nothing) written in
Python (chartproof.RulePack) and in C++ (bench/pack_overhead), each against a lint with the
built-in rules only, --jobs 1, counted in instructions by callgrind (repeatable on a shared
machine; one run each). Usage: bench/python_pack.py [BUILD_DIR]; the chartproof package must be
importable (the venv of `make test-python`). Internally: python_pack.py one base|rule FILE."""

import shutil
import subprocess
import sys
from pathlib import Path

import chartproof


class Trivial(chartproof.Rule):
    id = "trivial"
    summary = "Reports nothing."

    def check(self, resource, ctx):
        if resource.kind == "NoSuchKind":
            ctx.report("", "never")


def one(mode: str, path: str) -> None:
    packs = [chartproof.RulePack("bench", [Trivial()])] if mode == "rule" else None
    report = chartproof.lint([path], jobs=1, discover_policy=False, packs=packs)
    print(len(report), "findings")


def instructions(*cmd: str) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                         capture_output=True, text=True, check=True).stderr
    line = next(x for x in out.splitlines() if "refs:" in x)
    return int(line.split()[-1].replace(",", ""))


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    build = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build"
    if not shutil.which("valgrind"):
        raise SystemExit("bench: valgrind is not installed")
    # Many small objects, so that the per-resource call is what is measured.
    sample = root / "bench" / "pack-sample.yaml"
    sample.write_text("".join(f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-{i}\n"
                              f"  labels: {{app: web}}\ndata:\n  LOG_LEVEL: info\n---\n" for i in range(20000)))
    resources = len(chartproof.parse([str(sample)], strict=False))
    me = str(Path(__file__).resolve())
    py = {m: instructions(sys.executable, me, "one", m, str(sample)) for m in ("base", "rule")}
    cpp = {m: instructions(str(build / "bench" / "pack_overhead"), m, str(sample)) for m in ("base", "rule")}
    print(f"sample: bench/pack-sample.yaml (20,000 ConfigMaps), {sample.stat().st_size / 1e6:.2f} MB, "
          f"{resources} resources; callgrind, --jobs 1, one run each")
    for name, counts in (("Python", py), ("C++", cpp)):
        extra = counts["rule"] - counts["base"]
        print(f"{name:7} lint {counts['base']:>14,} instr; + trivial rule {counts['rule']:>14,} "
              f"({extra:+,}: {extra / resources:,.0f} per resource, {extra / counts['base']:+.2%} of the lint)")
    per_py = (py["rule"] - py["base"]) / resources
    per_cpp = (cpp["rule"] - cpp["base"]) / resources
    if per_cpp > 0:
        print(f"a Python rule call costs {per_py / per_cpp:,.0f}x a C++ rule call")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "one":
        one(sys.argv[2], sys.argv[3])
    else:
        main()
