"""--admission-policies: the cluster's ValidatingAdmissionPolicies and bindings judge the input, with
the same findings from the CLI and from Python; bad policy files are usage errors (exit 2)."""
import json
import subprocess
from pathlib import Path

import pytest

import chartproof

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "testdata/admission/app.yaml"
POLICIES = REPO / "testdata/admission/cluster-policies.yaml"


def admission_findings(findings):
    return sorted((f["location"]["line"], f["severity"], f["message"]) for f in findings if f["rule"] == "admission-policy")


def test_cli_and_python_agree(cli):
    report = chartproof.lint([APP], admission_policies=[POLICIES], discover_policy=False)
    from_python = admission_findings(json.loads(report.to_json())["findings"])
    run = subprocess.run([cli, "lint", str(APP), "--admission-policies", str(POLICIES), "--format", "json"],
                         capture_output=True, text=True, cwd=REPO / "testdata/admission")
    assert run.returncode == 1, run.stderr
    from_cli = admission_findings(json.loads(run.stdout)["findings"])
    assert from_python == from_cli
    assert [(line, sev) for line, sev, _ in from_python] == [(2, "warning"), (8, "error"), (8, "warning")]
    assert "replicas must be at most 5, got 8 (reason: Invalid)" in from_python[1][2]


def test_without_the_cluster_policies_nothing_is_judged():
    report = chartproof.lint([APP], discover_policy=False)
    assert [f for f in report.findings if f.rule == "admission-policy"] == []


def test_bad_policy_files_are_usage_errors(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [\n")
    for path, where in ((bad, f"{bad}:1:"), (tmp_path / "missing", "no such file or folder")):
        run = subprocess.run([cli, "lint", str(APP), "--admission-policies", str(path)], capture_output=True, text=True)
        assert run.returncode == 2
        assert where in run.stderr
        with pytest.raises(chartproof.Error):
            chartproof.lint([APP], admission_policies=[path], discover_policy=False)
