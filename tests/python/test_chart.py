"""lint_chart and the `chartproof` console script (helm from scripts/get-helm.sh: required, a failure without it)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chartproof

ROOT = Path(__file__).resolve().parents[2]



def test_lint_chart_renders_with_helm(helm):
    report = chartproof.lint_chart(ROOT / "examples" / "todo-app", release="todo-app", namespace="todo-app", helm=helm)
    assert len(report) == 0 and report.summary.resources == 7
    loose = chartproof.lint_chart(ROOT / "examples" / "todo-app", set={"backend.resources.limits": "null"}, helm=helm,
                                  release="todo-app")
    assert any(f.rule == "missing-memory-limit" and f.template == "todo-app/templates/backend-deployment.yaml"
               for f in loose)


def test_lint_chart_helm_errors_are_located(helm):
    chart = ROOT / "testdata" / "charts" / "required-value"
    with pytest.raises(chartproof.ChartError) as info:
        chartproof.lint_chart(chart, helm=helm)
    assert (Path(info.value.file).name, info.value.line, info.value.column) == ("deployment.yaml", 14, 52)
    assert "image.tag is required" in str(info.value)
    assert isinstance(info.value, chartproof.Error)
    fixed = chartproof.lint_chart(chart, set=["image.tag=1.0.0"], helm=helm, disable=["hygiene"])
    assert fixed.summary.resources == 1


def test_lint_chart_names_the_values_line_and_runs_the_chart_pack(helm, tmp_path):
    import shutil
    chart = tmp_path / "todo-app"
    shutil.copytree(ROOT / "examples" / "todo-app", chart)
    values = chart / "values.yaml"
    text = values.read_text().replace("  runAsUser: 1000\n", "  runAsUser: 0\n") + 'adminPassword: "Wq8zLk2pXv7r"\n'
    values.write_text(text)
    uid_line = text.splitlines().index("  runAsUser: 0") + 1
    report = chartproof.lint_chart(chart, helm=helm)
    # One values line makes three containers root: one finding (one fix) listing the other two.
    grouped = [f for f in report if f.rule == "run-as-root"]
    assert len(grouped) == 1 and grouped[0].objects == 3 and report.summary.objects >= 3
    root = [grouped[0], *grouped[0].more]
    assert {(f.value_source.file, f.value_source.line) for f in root if f.value_source} == {(str(values), uid_line)}
    assert root[0].value_source is not None and root[0].value_source.column == 14
    secret = [f for f in report if f.rule == "plaintext-secret-in-values"]
    assert [(Path(f.file).name, f.line) for f in secret] == [("values.yaml", len(text.splitlines()))]
    assert "Wq8zLk2pXv7r" not in secret[0].message
    quiet = chartproof.lint_chart(chart, helm=helm, disable=["chart"])
    assert not any(f.pack == "chart" for f in quiet)
    with pytest.raises(TypeError):
        chartproof.lint_chart(chart, helm=helm, no_such_option=1)


def test_console_script_is_the_cli():
    script = Path(sys.executable).parent / "chartproof"
    assert script.exists(), f"no console script next to {sys.executable}: the package is installed with pip"
    broken = str(ROOT / "examples" / "todo-app" / "rendered-broken.yaml")
    out = subprocess.run([str(script), "lint", "--format", "json", broken], capture_output=True, text=True)
    assert out.returncode == 1
    assert json.loads(out.stdout)["summary"]["findings"] == 7
    env = dict(os.environ, NO_COLOR="1")
    version = subprocess.run([sys.executable, "-m", "chartproof", "--version"], capture_output=True, text=True, env=env)
    assert version.returncode == 0 and version.stdout == f"chartproof {chartproof.__version__}\n"
    missing = subprocess.run([str(script), "lint", "/no/such.yaml"], capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr == "chartproof: /no/such.yaml: no such file or directory\n"


def test_chart_mode_leaves_the_charts_own_files_as_they_were(helm, tmp_path):
    # The instrumented copy hard-links the chart's files where it can and writes its templates as
    # new files: a template written through a link would change the user's chart. The copy is made
    # in /dev/shm when it exists, so the chart is put there too (links need one file system).
    import shutil
    import tempfile
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        tmp_path = Path(tempfile.mkdtemp(dir=shm))
    try:
        check_files_unchanged(helm, tmp_path)
    finally:
        if tmp_path.parent == shm:
            shutil.rmtree(tmp_path)


def check_files_unchanged(helm, tmp_path):
    import shutil
    chart = tmp_path / "todo-app"
    shutil.copytree(ROOT / "examples" / "todo-app", chart)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in chart.rglob("*") if p.is_file()}
    loose = chartproof.lint_chart(chart, set={"backend.resources.limits": "null"}, helm=helm, release="todo-app")
    found = [f for f in loose if f.rule == "missing-memory-limit"]
    assert found and found[0].template == "todo-app/templates/backend-deployment.yaml" and found[0].mapped
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in chart.rglob("*") if p.is_file()}
    assert after == before
    assert all(p.stat().st_nlink == 1 for p in after)  # the copy's links are gone with it
