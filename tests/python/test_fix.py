"""chartproof fix (issue 34, first part): edits where a person edits, each verified by linting an
edited copy. testdata/charts/fixable plants fixable findings whose fix lands in values.yaml (a value
replaced, keys added to an entry a template writes with toYaml) and in a template (a literal value)."""
import difflib
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

FIXTURE = Path("testdata/charts/fixable")
FIXED_RULES = {"privilege-escalation-allowed", "run-as-root", "seccomp-profile-missing", "writable-root-filesystem",
               "removed-api-version"}


def run(cli, *args, cwd):
    return subprocess.run([cli, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def chart_copy(root, tmp_path) -> Path:
    chart = tmp_path / "fixable"
    shutil.copytree(root / FIXTURE, chart)
    return chart


def findings(cli, helm, chart, cwd):
    out = run(cli, "lint", str(chart), "--helm", helm, "--format", "json", "--fail-on", "never", cwd=cwd)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["findings"]


def test_diff_shows_each_verified_edit_and_touches_only_those_lines(root, cli, helm, tmp_path):
    chart = chart_copy(root, tmp_path)
    out = run(cli, "fix", str(chart), "--helm", helm, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    diff = out.stdout
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert sorted(removed) == sorted(["-  allowPrivilegeEscalation: true  # fixed here: false",
                                      "-  runAsUser: 0  # fixed here: the policy's minimum UID",
                                      "-              type: Unconfined", "-apiVersion: batch/v1beta1"])
    assert sorted(added) == sorted([
        "+  allowPrivilegeEscalation: false  # fixed here: false",
        "+  runAsUser: 1  # fixed here: the policy's minimum UID",
        "+  allowPrivilegeEscalation: false", "+  seccompProfile:", "+    type: RuntimeDefault",
        "+  readOnlyRootFilesystem: true",
        "+              type: RuntimeDefault", "+apiVersion: batch/v1"])
    # The worker's and the cleanup job's three findings each are one edit of workerSecurityContext.
    assert "10 fixed, 0 dropped by verification, 0 without an automatic edit" in out.stderr
    # --diff shows; it writes nothing.
    assert (chart / "values.yaml").read_text() == (root / FIXTURE / "values.yaml").read_text()


def test_write_applies_them_and_the_findings_are_gone(root, cli, helm, tmp_path):
    chart = chart_copy(root, tmp_path)
    before = findings(cli, helm, chart, tmp_path)
    assert {f["rule"] for f in before} >= FIXED_RULES
    out = run(cli, "fix", str(chart), "--helm", helm, "--write", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "(3 files changed)" in out.stderr
    after = findings(cli, helm, chart, tmp_path)
    assert not [f for f in after if f["rule"] in FIXED_RULES]
    # Nothing new: every finding after was there before.
    assert {(f["rule"], f["message"]) for f in after} <= {(f["rule"], f["message"]) for f in before}
    # No staging file left behind.
    assert not list(chart.rglob("*.chartproof-fix"))
    # Run again: nothing left to fix.
    again = run(cli, "fix", str(chart), "--helm", helm, cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == ""


def test_a_file_that_cannot_be_written_stops_the_run_and_nothing_is_written(root, cli, helm, tmp_path):
    # The fixed texts are staged beside their files before any is replaced: a staging place that is
    # taken (a folder, which root cannot write over either) stops the run with every file as it was.
    chart = chart_copy(root, tmp_path)
    (chart / "templates" / "api.yaml.chartproof-fix").mkdir()
    values_before = (chart / "values.yaml").read_text()
    worker_before = (chart / "templates" / "worker.yaml").read_text()
    out = run(cli, "fix", str(chart), "--helm", helm, "--write", cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    assert "nothing was written" in out.stderr
    assert (chart / "values.yaml").read_text() == values_before
    assert (chart / "templates" / "worker.yaml").read_text() == worker_before
    assert not [p for p in chart.rglob("*.chartproof-fix") if p.is_file()]
    if os.geteuid() != 0:  # permission bits bind everyone but root
        (chart / "templates" / "api.yaml.chartproof-fix").rmdir()
        (chart / "values.yaml").chmod(stat.S_IRUSR)
        out = run(cli, "fix", str(chart), "--helm", helm, "--write", cwd=tmp_path)
        assert out.returncode == 2 and "cannot write the file; nothing was written" in out.stderr


def test_a_plain_manifest_gets_the_same_for_its_own_lines(root, cli, tmp_path):
    manifest = tmp_path / "rendered-broken.yaml"
    shutil.copy(root / "examples/todo-app/rendered-broken.yaml", manifest)
    out = run(cli, "fix", str(manifest), "--profile", "strict", "--write", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "kept [run-as-root]" in out.stderr
    lint = run(cli, "lint", str(manifest), "--profile", "strict", "--format", "json", "--fail-on", "never",
               cwd=tmp_path)
    assert "run-as-root" not in {f["rule"] for f in json.loads(lint.stdout)["findings"]}


def test_bad_input_is_a_located_error_with_exit_2(root, cli, helm, tmp_path):
    out = run(cli, "fix", "-", cwd=tmp_path)
    assert out.returncode == 2 and "neither" in out.stderr
    broken = chart_copy(root, tmp_path)
    (broken / "templates" / "api.yaml").write_text("{{ .Values.nope.deeper }}\n")
    values_before = (broken / "values.yaml").read_text()
    out = run(cli, "fix", str(broken), "--helm", helm, "--write", cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    assert (broken / "values.yaml").read_text() == values_before


def test_python_fix_gives_what_the_cli_gives(root, cli, helm, tmp_path, monkeypatch):
    import chartproof
    chart = chart_copy(root, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = chartproof.fix(chart.name, helm=helm)
    out = run(cli, "fix", chart.name, "--helm", helm, cwd=tmp_path)
    assert result.diff == out.stdout
    assert len(result.kept) == 10 and not [o for o in result.outcomes if o["status"] != "kept"]
    lines = [f'{o["file"]}:{o["line"]}: kept [{o["rule"]}] {o["message"]}: {o["reason"]}' for o in result.outcomes]
    assert lines == out.stderr.splitlines()[:-1]
    # Without write=True the files it would change are named, and left as they were.
    assert len(result.changed_files) == 3
    assert (chart / "values.yaml").read_text() == (root / FIXTURE / "values.yaml").read_text()
    # write=True writes what the diff showed.
    written = chartproof.fix(chart.name, helm=helm, write=True)
    assert written.diff == result.diff and len(written.changed_files) == 3
    assert "runAsUser: 1  #" in (chart / "values.yaml").read_text()
    try:
        chartproof.fix(chart.name, helm=helm, profiel="strict")
    except TypeError as e:
        assert "profiel" in str(e)
    else:
        raise AssertionError("an unknown keyword must raise")


def apply_replacement(text: str, r) -> str:
    """A replacement as SARIF states it ([start, end) region, 1-based) applied to a text."""
    lines = text.split("\n")
    offset = lambda line, column: sum(len(x) + 1 for x in lines[:line - 1]) + column - 1  # noqa: E731
    start, end = offset(r["start_line"], r["start_column"]), offset(r["end_line"], r["end_column"])
    return text[:start] + r["inserted"] + text[end:]


def test_json_and_sarif_carry_each_kept_edit(root, cli, helm, tmp_path):
    import jsonschema
    chart = chart_copy(root, tmp_path)
    out = run(cli, "fix", chart.name, "--helm", helm, "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    jsonschema.validate(report, json.loads((root / "policies/schema/report.schema.json").read_text()))
    fixed = [f for f in report["findings"] if "fix" in f]
    assert {f["rule"] for f in fixed} == FIXED_RULES
    # Each fix, applied alone to its file, writes the fixed value where the finding said.
    by_rule = {f["rule"]: f["fix"] for f in fixed if f["fix"]["file"].endswith("values.yaml")}
    values = (chart / "values.yaml").read_text()
    assert "  runAsUser: 1  # fixed here" in apply_replacement(values, by_rule["run-as-root"])
    inserted = apply_replacement(values, by_rule["writable-root-filesystem"])
    assert "workerSecurityContext:\n  readOnlyRootFilesystem: true\n  runAsNonRoot: true" in inserted
    # SARIF: valid against 2.1.0, `fixes` on the same results, URIs of files that exist.
    out = run(cli, "fix", chart.name, "--helm", helm, "--format", "sarif", cwd=tmp_path)
    sarif = json.loads(out.stdout)
    schema_file = root.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    jsonschema.validate(sarif, json.loads(schema_file.read_text()))
    results = [r for r in sarif["runs"][0]["results"] if "fixes" in r]
    assert len(results) == len(fixed)
    for r in results:
        change = r["fixes"][0]["artifactChanges"][0]
        assert (tmp_path / change["artifactLocation"]["uri"]).is_file()


def test_pod_security_findings_that_one_value_fixes(root, cli, tmp_path):
    # The namespace enforces baseline: hostNetwork: true and privileged: true are refused. Fixing
    # `privileged` moves privilege-escalation-allowed from "it is privileged" to "does not set
    # allowPrivilegeEscalation: false" on the same container: the same finding, not a new one.
    manifest = tmp_path / "pod-security.yaml"
    shutil.copy(root / "testdata/fix/pod-security.yaml", manifest)
    out = run(cli, "fix", str(manifest), "--write", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    kept = [line for line in out.stderr.splitlines() if ": kept [pod-security-namespace]" in line]
    assert len(kept) == 2, out.stderr
    assert "0 dropped by verification" in out.stderr
    text = manifest.read_text()
    assert "hostNetwork: false" in text and "privileged: false" in text
    lint = run(cli, "lint", str(manifest), "--format", "json", "--fail-on", "never", cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(lint.stdout)["findings"]}
    assert not rules & {"pod-security-namespace", "host-namespace-shared", "privileged-container"}


CORPUS_CHARTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "charts"
FIVE = ["cert-manager__cert-manager", "ingress-nginx__ingress-nginx", "prometheus-community__alertmanager",
        "prometheus-community__prometheus-node-exporter", "helm-examples__hello-world"]
KEPT = re.compile(r"^(.+?):(\d+): kept \[([a-z0-9-]+)\]")


def test_five_corpus_charts_fixed_in_place(cli, helm, tmp_path):
    # Independently of fix's own verification: after --write, helm still renders, there are fewer
    # findings by at least the kept ones, no rule reports an object it did not, and the files
    # differ from the originals only at the lines the kept edits name.
    if not CORPUS_CHARTS.is_dir():
        pytest.fail(f"the shared corpus is not at {CORPUS_CHARTS}")
    options = ["--helm", helm, "--profile", "strict", "-n", "demo"]
    total_kept = 0
    for name in FIVE:
        chart = tmp_path / name
        shutil.copytree(CORPUS_CHARTS / name, chart)
        before = findings_with(cli, chart, options, tmp_path)
        originals = {p: p.read_text() for p in chart.rglob("*") if p.is_file()}
        out = run(cli, "fix", str(chart), *options, "--write", cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        kept = [KEPT.match(line).groups() for line in out.stderr.splitlines() if KEPT.match(line)]
        total_kept += len(kept)
        after = findings_with(cli, chart, options, tmp_path)
        assert len(after) <= len(before) - len(kept), name
        objects = lambda fs: {(f["rule"], json.dumps(f.get("resource"), sort_keys=True)) for f in fs}  # noqa: E731
        assert objects(after) <= objects(before), name
        lines_by_file = {}
        for file, line, _ in kept:
            lines_by_file.setdefault(Path(file), set()).add(int(line))
        for path, text in originals.items():
            now = path.read_text()
            if now == text:
                continue
            allowed = lines_by_file.get(path, set())
            ops = difflib.SequenceMatcher(a=text.split("\n"), b=now.split("\n"), autojunk=False).get_opcodes()
            for tag, i1, i2, _, _ in ops:
                if tag == "equal":
                    continue
                touched = set(range(i1 + 1, i2 + 1)) if tag in ("replace", "delete") else {i1}
                assert touched <= allowed, (name, path, tag, i1, i2, allowed)
    assert total_kept >= 15


def findings_with(cli, chart, options, cwd):
    out = run(cli, "lint", str(chart), *options, "--format", "json", "--fail-on", "never", cwd=cwd)
    assert out.returncode == 0, out.stderr  # 2 would be helm failing
    return [g for f in json.loads(out.stdout)["findings"] for g in (f, *f.get("more", []))]
