"""Report.filter (issue 28): a report of the findings of chosen rules, severities and files, with its
own counts, that every writer takes like any report."""
import json
import subprocess
from pathlib import Path

import pytest

import chartproof

ROOT = Path(__file__).resolve().parents[2]
BROKEN = ROOT / "examples/todo-app/rendered-broken.yaml"


def test_filter_by_rule_pack_severity_and_path(monkeypatch):
    monkeypatch.chdir(ROOT)  # findings then name examples/todo-app/rendered-broken.yaml
    report = chartproof.lint("examples/todo-app/rendered-broken.yaml")
    assert len(report) == 7
    only_root = report.filter(rules=["run-as-root"])
    assert [f.rule for f in only_root] == ["run-as-root"]
    assert (only_root.summary.findings, only_root.summary.error) == (1, 1)
    selectors = report.filter(rules=["selectors"])  # a pack name
    assert {f.rule for f in selectors} == {"service-selects-nothing", "selector-template-mismatch"}
    warnings = report.filter(severities=["warning"])
    assert [f.severity for f in warnings] == ["warning", "warning"]
    assert (warnings.summary.error, warnings.summary.warning) == (0, 2)
    assert len(report.filter(paths=["examples/*"])) == 7
    assert len(report.filter(paths=["examples/todo-app"])) == 7  # a folder prefix
    assert len(report.filter(paths=["elsewhere/*"])) == 0
    # The original is untouched.
    assert len(report) == 7


def test_every_writer_takes_a_filtered_report():
    report = chartproof.lint(BROKEN).filter(severities=["error"])
    data = json.loads(report.to_json())
    assert data["summary"]["findings"] == len(data["findings"]) == 5
    assert len(json.loads(report.to_sarif())["runs"][0]["results"]) == 5
    assert report.to_junit().count("<failure") >= 1
    assert report.to_github().count("::error") == 5
    assert "5 findings (5 errors, 0 warnings, 0 info)" in report.to_text()
    assert report.to_html().startswith("<!DOCTYPE html>")
    assert "run-as-root" in report.to_baseline()
    assert not report.ok() and report.filter(rules=["missing-readiness-probe"]).ok()


def test_filter_rejects_an_unknown_severity():
    with pytest.raises(ValueError, match="severities"):
        chartproof.lint(BROKEN).filter(severities=["fatal"])


def test_one_format_table_for_the_cli_and_python(root, cli):
    report = chartproof.lint([root / "examples" / "todo-app" / "rendered-broken.yaml"])
    assert chartproof.formats() == ["text", "json", "sarif", "junit", "github", "html"]
    for fmt in chartproof.formats():
        assert report.to(fmt) == getattr(report, f"to_{fmt}")(), fmt
    assert report.to("junit", fail_on="never") == report.to_junit("never")
    with pytest.raises(ValueError, match="unknown format \"markdown\"; formats: text, json"):
        report.to("markdown")
    assert chartproof.formats("audit") == ["text", "json", "sarif", "html"]
    assert chartproof.formats("rules") == ["text", "json", "markdown"]
    # The CLI's --help lists the same table.
    shown = subprocess.run([cli, "lint", "--help"], capture_output=True, text=True).stdout
    assert "Output format: text, json, sarif, junit, github, html;" in shown
