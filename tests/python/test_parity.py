"""The CLI and Python answer the same request with the same report: JSON byte for byte, on every
fixture file under testdata/, every chart fixture (unpacked) and the example chart."""
import re
import subprocess
from pathlib import Path

import pytest

import chartproof

ROOT = Path(__file__).resolve().parents[2]
CHART_RULES = {"hardcoded-secret-data", "invalid-app-version", "invalid-chart-yaml", "invalid-values-yaml",
               "plaintext-secret-in-values", "release-name-overflow"}
FILES = sorted(p for p in (ROOT / "testdata").rglob("*.yaml")
               if p.parent.name not in CHART_RULES and "charts" not in p.relative_to(ROOT / "testdata").parts
               and not p.name.endswith("policy.yaml"))
PACKED_CHARTS = sorted(p for rule in CHART_RULES for p in (ROOT / "testdata" / "rules" / rule).glob("*.yaml"))


def normalise(json_text: str) -> str:
    return re.sub(r'"version": "[^"]*"', '"version": "X"', json_text, count=2)


def cli_run(cli: str, args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([cli, "lint", "--format", "json", "--fail-on", "never", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


def cli_json(cli: str, args, cwd: Path) -> str:
    run = cli_run(cli, args, cwd)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("fixture", FILES, ids=lambda p: str(p.relative_to(ROOT / "testdata")))
def test_file_fixture(cli, fixture):
    try:
        python = chartproof.lint(fixture).to_json()
    except chartproof.UsageError as error:
        # No Kubernetes objects (empty.yaml, only-comments.yaml): the same error from both, exit 2.
        run = cli_run(cli, [fixture], ROOT)
        assert (run.returncode, run.stderr) == (2, f"chartproof: {error}\n")
        return
    assert normalise(python) == normalise(cli_json(cli, [fixture], ROOT))


def unpack(packed: Path, into: Path) -> Path:
    """A chart fixture packs its files as documents headed `# Source: demo/<path>`."""
    chart = into / "demo"
    for part in re.split(r"^---\n(?=# Source: )", packed.read_text(), flags=re.M)[1:]:
        header, _, body = part.partition("\n")
        target = into / header.removeprefix("# Source: ")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body)
    return chart



@pytest.mark.parametrize("packed", PACKED_CHARTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_chart_fixture(cli, helm, packed, tmp_path, monkeypatch):
    chart = unpack(packed, tmp_path)
    monkeypatch.chdir(tmp_path)
    cli_out = cli_run(cli, ["demo", "--helm", helm], tmp_path)
    try:
        python = chartproof.lint_chart("demo", helm=helm).to_json()
    except chartproof.ChartError as error:
        # A chart helm cannot render: the same located error from both, exit 2 from the CLI.
        assert (cli_out.returncode, cli_out.stderr) == (2, f"chartproof: {error}\n")
        return
    assert cli_out.returncode == 0, cli_out.stderr
    assert normalise(python) == normalise(cli_out.stdout)
    assert chart.is_dir()


def test_example_chart_and_discovered_policy(cli, helm, tmp_path, monkeypatch):
    import shutil
    shutil.copytree(ROOT / "examples" / "todo-app", tmp_path / "webapp")
    # A policy in the working folder that switches on a rule the example chart breaks: both fronts
    # must discover it (Python used to ignore it).
    (tmp_path / ".chartproof.yaml").write_text(
        "apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  missing-startup-probe: true\n")
    monkeypatch.chdir(tmp_path)
    python = chartproof.lint_chart("webapp", helm=helm, release="todo-app")
    assert any(f.rule == "missing-startup-probe" for f in python)
    cli_out = cli_json(cli, ["webapp", "--helm", helm, "--release", "todo-app"], tmp_path)
    assert normalise(python.to_json()) == normalise(cli_out)


@pytest.mark.parametrize("level", ["error", "warning", "info"])
def test_min_severity(cli, level):
    """--min-severity and min_severity= hide the same findings; they stay counted and still fail."""
    example = ROOT / "examples/todo-app/rendered-broken.yaml"
    report = chartproof.lint(example, min_severity=level)
    assert normalise(report.to_json()) == normalise(cli_json(cli, [example, "--min-severity", level], ROOT))
    order = ["info", "warning", "error"]
    assert all(order.index(f.severity) >= order.index(level) for f in report.findings)
    assert report.summary.hidden == len(report.hidden) == report.summary.findings - len(report.findings)
    if level == "error":
        assert report.hidden and not report.ok("warning")  # the hidden warnings still fail at warning
        run = subprocess.run([cli, "lint", "-q", "--min-severity", "error", "--fail-on", "warning", str(example)],
                             capture_output=True, text=True)
        assert run.returncode == 1 and "warning:" not in run.stdout


def test_namespace_labels(cli):
    """--namespace-labels and namespace_labels= give a namespace outside the input its Pod Security
    labels: the same findings from both fronts, and the same exit 2 for a malformed one."""
    fixture = ROOT / "testdata" / "rules" / "pod-security" / "pass.yaml"
    labels = {"default": {"pod-security.kubernetes.io/enforce": "baseline",
                          "pod-security.kubernetes.io/warn": "restricted",
                          "pod-security.kubernetes.io/warn-version": "v1.24"}}
    python = chartproof.lint(fixture, namespace_labels=labels)
    spec = "default=" + ",".join(f"{k}={v}" for k, v in labels["default"].items())
    assert normalise(python.to_json()) == normalise(cli_json(cli, [fixture, "--namespace-labels", spec], ROOT))
    found = [f for f in python.findings if f.rule == "pod-security-namespace"]
    # restricted:v1.24 has no Windows exemption yet: the Windows Deployment is warned about.
    assert found and all(f.severity == "warning" for f in found)
    assert any("restricted:v1.24" in f.message for f in found)
    run = cli_run(cli, [fixture, "--namespace-labels", "default"], ROOT)
    assert run.returncode == 2 and "--namespace-labels" in run.stderr
    with pytest.raises(chartproof.UsageError):
        chartproof.lint(fixture, namespace_labels={"": {"a": "b"}})
