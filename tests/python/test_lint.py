"""chartproof.lint and its Report: the same results as the CLI, from every kind of source."""
import json
import subprocess
from pathlib import Path

import pytest

import chartproof

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "testdata" / "rules").glob("*/*.yaml"))


def test_sources_text_bytes_paths_directories_iterables(root):
    broken = root / "examples" / "todo-app" / "rendered-broken.yaml"
    text = broken.read_text()
    by_path = chartproof.lint(broken)
    assert len(by_path) == 7
    assert len(chartproof.lint(str(broken))) == 7
    by_text = chartproof.lint(text=text)
    assert len(by_text) == 7 and by_text.findings[0].file == "<string>"
    assert len(chartproof.lint(text=text.encode())) == 7
    named = chartproof.lint(text={"broken.yaml": text})
    assert {f.file for f in named} == {"broken.yaml"}
    both = chartproof.lint([broken, root / "examples" / "todo-app" / "rendered.yaml"])
    assert both.summary.resources == 14
    mixed = chartproof.lint(broken, text=text)  # paths first, then the texts
    assert mixed.summary.documents == 2 * by_path.summary.documents
    assert {f.file for f in mixed} == {str(broken), "<string>"}


def test_a_string_is_always_a_path_never_yaml(root):
    text = (root / "examples" / "todo-app" / "rendered-broken.yaml").read_text()
    with pytest.raises(chartproof.InputError):
        chartproof.lint(text)
    with pytest.raises(TypeError):
        chartproof.lint(text.encode())  # type: ignore[arg-type]
    with pytest.raises(chartproof.UsageError):
        chartproof.lint()
    folder = chartproof.lint(root / "testdata" / "rules" / "run-as-root")
    assert {Path(f.file).name for f in folder if f.rule == "run-as-root"} == {"fail.yaml"}


def test_report_api(root):
    report = chartproof.lint(root / "examples" / "todo-app" / "rendered-broken.yaml", namespace="todo-app")
    assert not report.ok() and report.ok("never")
    assert len(list(report)) == len(report) == report.summary.findings
    root_finding = next(f for f in report if f.rule == "run-as-root")
    assert (root_finding.line, root_finding.column) == (165, 24)
    assert root_finding.location == chartproof.Location(str(root / "examples" / "todo-app" / "rendered-broken.yaml"), 165, 24)
    assert root_finding.resource == chartproof.ResourceRef("apps/v1", "Deployment", "todo-app", "todo-app-backend")
    assert root_finding.path == "spec.template.spec.containers[0].securityContext.runAsUser"
    assert root_finding.template == "todo-app/templates/backend-deployment.yaml"
    assert repr(report).startswith("<Report 7 findings (5 errors")
    assert json.loads(report.to_json())["summary"]["findings"] == 7
    sarif = json.loads(report.to_sarif())
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 7
    assert "7 findings (5 errors" in report.to_text()
    assert "Tr0ub4dor-3" not in report.to_text() + report.to_json() + report.to_sarif()
    with pytest.raises(ValueError):
        report.ok("fatal")


def test_profiles_policies_enable_disable(root):
    hardened = root / "testdata" / "manifests" / "hardened.yaml"
    assert len(chartproof.lint(hardened)) == 0
    strict = chartproof.lint(hardened, profile="strict")
    assert any(f.rule == "run-as-root" for f in strict)
    policy = chartproof.Policy.load(root / "policies" / "examples" / "registry-allowlist.yaml")
    assert policy.custom_rules == ["image-from-approved-registry"]
    report = chartproof.lint(root / "testdata" / "policies" / "registry-allowlist" / "fail.yaml", policy=policy)
    assert sum(f.rule == "image-from-approved-registry" for f in report) == 3
    only_probes = chartproof.lint(root / "examples" / "todo-app" / "rendered-broken.yaml",
                                  disable=["security", "resources", "secrets", "selectors", "schema"])
    assert {f.rule for f in only_probes} == {"missing-readiness-probe"}


def test_kube_version_and_schema_options(root, tmp_path):
    removed = root / "testdata" / "rules" / "removed-api-version" / "pass.yaml"  # flowcontrol v1beta3: served by 1.31
    assert not any(f.rule == "removed-api-version" for f in chartproof.lint(removed, kube_version="1.31"))
    assert any(f.rule == "removed-api-version" and "target 1.36" in f.message for f in chartproof.lint(removed))
    with pytest.raises(chartproof.PolicyError) as info:
        chartproof.lint(removed, kube_version="1.22")
    assert "bundled versions: 1.28" in str(info.value)
    typo = root / "testdata" / "rules" / "unknown-field" / "fail.yaml"
    assert sum(f.rule == "unknown-field" for f in chartproof.lint(typo)) == 5
    assert not any(f.rule == "unknown-field" for f in chartproof.lint(typo, schema_mode="lenient"))
    with pytest.raises(ValueError):
        chartproof.lint(typo, schema_mode="loose")
    target = tmp_path / "policy.yaml"
    target.write_text("apiVersion: chartproof.io/v1\nkind: Policy\nkubernetes:\n  version: \"1.31\"\n")
    assert not any(f.rule == "removed-api-version" for f in chartproof.lint(removed, policy=target))
    widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n"
    assert [f.rule for f in chartproof.lint(text=widget, enable=["schema"]) if f.pack == "schema"] == ["unknown-kind"]
    checked = chartproof.lint(text=widget, schema_dirs=[root / "testdata" / "schema-dir"])
    assert [(f.rule, f.path) for f in checked if f.pack == "schema"] == [("schema-violation", "spec.size")]


def test_rules_metadata(root):
    rules = chartproof.rules()
    ids = [r["id"] for r in rules]
    assert "run-as-root" in ids and len(ids) == len(set(ids))
    run_as_root = next(r for r in rules if r["id"] == "run-as-root")
    assert run_as_root["pack"] == "security" and run_as_root["severity"] == "error"
    assert [p["name"] for p in run_as_root["params"]] == ["min_uid", "forbid_root_group"]
    custom = chartproof.rules(root / "policies" / "examples" / "required-labels.yaml")
    assert custom[-1]["id"] == "ownership-labels"


def test_a_long_lived_process_sees_changed_schema_dirs(root, tmp_path):
    """Each lint creates its linter and reads --schema-dir then: nothing is cached across calls."""
    crd = (root / "testdata" / "schema-dir" / "backups-crd.yaml").read_text()
    schemas = tmp_path / "crds"
    schemas.mkdir()
    (schemas / "backups.yaml").write_text(crd)
    backup = "apiVersion: example.com/v1\nkind: Backup\nmetadata: {name: nightly}\nspec: {schedule: 3}\n"
    first = [(f.rule, f.path) for f in chartproof.lint(text=backup, schema_dirs=[schemas]) if f.pack == "schema"]
    assert first == [("schema-violation", "spec.schedule")]
    (schemas / "backups.yaml").write_text(crd.replace("schedule: {type: string}", "schedule: {type: integer}"))
    second = [(f.rule, f.path) for f in chartproof.lint(text=backup, schema_dirs=[schemas]) if f.pack == "schema"]
    assert second == []


def test_junit_fails_only_at_the_threshold_as_the_cli(root, cli):
    import subprocess
    broken = root / "examples" / "todo-app" / "rendered-broken.yaml"
    report = chartproof.lint(broken, discover_policy=False)
    for fail_on in ("error", "warning", "never"):
        run = subprocess.run([cli, "lint", "--format", "junit", "--fail-on", fail_on, str(broken)], capture_output=True,
                             text=True, cwd=root)
        assert run.stdout == report.to_junit(fail_on)
    assert 'failures="3"' in report.to_junit() and "<failure" not in report.to_junit("never")
