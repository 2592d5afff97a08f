"""Rule packs written in Python behave like built-in rules: located findings in every format,
policies, the ignore annotation, rules(), fixtures; a broken pack or check is an error, never a pass."""

import json
from pathlib import Path
import subprocess
import sys

import pytest

import chartproof

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "python-pack"))
from team_pack import pack  # noqa: E402


def example(root):
    return root / "examples" / "todo-app" / "rendered.yaml"


def test_findings_at_the_right_line_in_every_format(root):
    report = chartproof.lint([example(root)], packs=[pack], discover_policy=False)
    mine = [f for f in report if f.pack == "team-web"]
    assert [(f.rule, f.location.line, f.severity) for f in mine] == [
        ("replicated-deployment-without-pdb", 84, "warning"), ("replicated-deployment-without-pdb", 190, "warning")]
    assert mine[0].path == "spec.replicas" and mine[0].location.column == 13
    findings = json.loads(report.to_json())["findings"]
    assert {(f["rule"], f["location"]["line"]) for f in findings if f["pack"] == "team-web"} == {
        ("replicated-deployment-without-pdb", 84), ("replicated-deployment-without-pdb", 190)}
    run = json.loads(report.to_sarif())["runs"][0]
    assert "replicated-deployment-without-pdb" in [r["id"] for r in run["tool"]["driver"]["rules"]]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in run["results"]
             if r["ruleId"] == "replicated-deployment-without-pdb"]
    assert lines == [84, 190]
    assert "rendered.yaml:84:13: warning: Deployment runs 2 replicas" in report.to_text()


def test_policies_configure_pack_rules(root, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n"
                      "  replicated-deployment-without-pdb: {severity: error, params: {min_replicas: 3}}\n"
                      "  image-not-pinned-in-production: {params: {namespaces: [todo-app]}}\n")
    report = chartproof.lint([example(root)], packs=[pack], policy=policy)
    rules = sorted(f.rule for f in report if f.pack == "team-web")
    assert rules == ["image-not-pinned-in-production"] * 3  # 2 replicas < 3; todo-app is "production" now
    assert not report.ok()
    bad = tmp_path / "bad.yaml"
    bad.write_text("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n"
                   "  replicated-deployment-without-pdb: {params: {min_replicas: two}}\n")
    with pytest.raises(chartproof.PolicyError) as e:
        chartproof.lint([example(root)], packs=[pack], policy=bad)
    assert e.value.line == 4 and "min_replicas" in str(e.value)
    # Without the pack, a policy that names its rules is an error at the rule's line.
    with pytest.raises(chartproof.PolicyError):
        chartproof.lint([example(root)], policy=policy)


def test_a_policy_declares_its_packs_and_a_front_without_them_skips_their_rules(root, tmp_path, cli):
    # .chartproof.yaml of a repository that uses the team-web pack: the hook (the C++ binary, no
    # Python) must lint with the rest, not exit 2 on "unknown rule"; the policy never loads code.
    (tmp_path / ".chartproof.yaml").write_text(
        "apiVersion: chartproof.io/v1\nkind: Policy\npacks: [team-web]\nrules:\n"
        "  image-not-pinned-in-production: {params: {namespaces: [todo-app]}}\n"
        "  run-as-root: {severity: error}\n")
    (tmp_path / "team_pack.py").write_text((root / "examples" / "python-pack" / "team_pack.py").read_text())
    rendered = str(example(root))
    run = subprocess.run([cli, "lint", "--format", "json", rendered], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    notes = [line for line in run.stderr.splitlines() if "note:" in line]
    assert len(notes) == 1 and ".chartproof.yaml:3:1: declares rule pack \"team-web\"" in notes[0]
    assert "skipped its rules and exemption entries image-not-pinned-in-production" in notes[0]
    assert json.loads(run.stdout)["notes"][0]["line"] == 3
    # The console script with --pack has the pack: its rule runs, and nothing is said.
    run = subprocess.run([sys.executable, "-m", "chartproof", "lint", "--pack", "team_pack:pack", "--format", "json",
                          rendered], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1 and "note:" not in run.stderr
    assert sum(f["rule"] == "image-not-pinned-in-production" for f in json.loads(run.stdout)["findings"]) >= 1
    # The Python API says the same as the CLI without the pack.
    report = chartproof.lint([rendered], policy=tmp_path / ".chartproof.yaml")
    assert len(report.notes) == 1 and "team-web" in report.notes[0]


def test_ignore_annotation_and_disable():
    text = ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n  annotations:\n"
            "    chartproof.io/ignore: team-web\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: a}}\n"
            "  template:\n    metadata: {labels: {app: a}}\n    spec: {containers: [{name: a, image: r/a:1}]}\n")
    assert not [f for f in chartproof.lint(text=text, packs=[pack]) if f.pack == "team-web"]
    unignored = text.replace("team-web", "other-rule")
    assert [f.line for f in chartproof.lint(text=unignored, packs=[pack]) if f.pack == "team-web"] == [8]
    assert not [f for f in chartproof.lint(text=unignored, packs=[pack], disable=["team-web"]) if f.pack == "team-web"]


def test_rules_lists_pack_rules():
    ids = {r["id"]: r for r in chartproof.rules(packs=[pack])}
    assert ids["image-not-pinned-in-production"]["pack"] == "team-web"
    assert ids["replicated-deployment-without-pdb"]["params"][0]["name"] == "min_replicas"
    assert "run-as-root" in ids and "image-not-pinned-in-production" not in {r["id"] for r in chartproof.rules()}


def test_pack_fixtures(root):
    checker = root / "tests" / "cli" / "check_pack_fixtures.py"
    run = subprocess.run([sys.executable, str(checker), str(root / "examples" / "python-pack" / "testdata"), "--",
                          sys.executable, str(root / "examples" / "python-pack" / "team_lint.py"), "--format", "json"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("ok:") == 4


class Raises(chartproof.Rule):
    id = "raises"
    summary = "A rule whose check raises."

    def check(self, resource, ctx):
        raise KeyError("spec")


def test_a_check_that_raises_fails_the_run(root):
    with pytest.raises(chartproof.RuleError) as e:
        chartproof.lint([example(root)], packs=[chartproof.RulePack("broken", [Raises()])])
    assert 'rule "raises" raised on' in str(e.value) and "KeyError" in str(e.value)


def test_a_malformed_pack_is_an_error_naming_it(root):
    class NoSummary(chartproof.Rule):
        id = "no-summary"
    for bad, message in [(chartproof.RulePack("team", [NoSummary()]), 'rule pack "team": rule "no-summary" needs a summary'),
                         (chartproof.RulePack("security", [Raises()]), 'rule pack "security": the name is already'),
                         (chartproof.RulePack("team", [Raises(), Raises()]), 'rule id "raises" is already taken')]:
        with pytest.raises(ValueError) as e:
            chartproof.lint([example(root)], packs=[bad])
        assert message in str(e.value)


def test_objects_of_a_check_expire_with_it(root):
    kept = []

    class Keeps(chartproof.Rule):
        id = "keeps"
        summary = "Keeps what it is given."
        kinds = ("ConfigMap",)

        def check(self, resource, ctx):
            kept.append(resource)

    chartproof.lint([example(root)], packs=[chartproof.RulePack("keeper", [Keeps()])])
    assert kept
    with pytest.raises(RuntimeError, match="valid only during"):
        kept[0].name


def console(root, *args):
    return subprocess.run([sys.executable, "-m", "chartproof", *args], capture_output=True, text=True,
                          cwd=root / "examples" / "python-pack")


def test_console_script_loads_packs(root):
    rendered = str(example(root))
    run = console(root, "lint", "--pack", "team_pack:pack", "--format", "json", rendered)
    assert run.returncode == 0, run.stderr
    lines = [(f["rule"], f["location"]["line"]) for f in json.loads(run.stdout)["findings"] if f["pack"] == "team-web"]
    assert lines == [("replicated-deployment-without-pdb", 84), ("replicated-deployment-without-pdb", 190)]
    listed = console(root, "rules", "--pack=team_pack:pack").stdout
    assert "image-not-pinned-in-production" in listed and "run-as-root" in listed
    missing = console(root, "lint", "--pack", "team_pack:nope", rendered)
    assert missing.returncode == 2 and "has no attribute 'nope'" in missing.stderr
    not_a_pack = console(root, "lint", "--pack", "team_pack:chartproof", rendered)
    assert not_a_pack.returncode == 2 and "not a chartproof.RulePack" in not_a_pack.stderr


def test_console_script_help_lists_pack(root, cli):
    for command in ("lint", "audit", "rules", "explain"):
        shown = console(root, command, "--help").stdout
        assert "--pack" in shown and "MODULE:ATTR" in shown, command
    # The C++ binary has no Python to load a pack with, so it does not offer the option.
    assert "--pack" not in subprocess.run([cli, "lint", "--help"], capture_output=True, text=True).stdout


def test_console_script_fails_when_a_check_raises(root, tmp_path):
    (tmp_path / "broken_pack.py").write_text(
        "import chartproof\n"
        "class Raises(chartproof.Rule):\n"
        "    id = 'raises'\n    summary = 'x'\n"
        "    def check(self, resource, ctx):\n        raise KeyError('spec')\n"
        "pack = chartproof.RulePack('broken', [Raises()])\n")
    run = subprocess.run([sys.executable, "-m", "chartproof", "lint", "--pack", "broken_pack:pack", str(example(root))],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2 and 'rule "raises" raised on' in run.stderr


def test_scopes_and_exemptions_apply_to_pack_rules(root, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n"
        "  replicated-deployment-without-pdb:\n"
        "    - scope: {names: [todo-app-frontend]}\n      severity: error\n"
        "exemptions:\n"
        "  - rules: [team-web]\n    scope: {names: [todo-app-backend]}\n    reason: PDB managed by the platform team\n")
    report = chartproof.lint([example(root)], packs=[pack], policy=policy)
    mine = [(f.resource.name, f.severity) for f in report if f.pack == "team-web"]
    assert mine == [("todo-app-frontend", "error")]  # backend exempted, frontend scoped to error


def test_chart_mode_locates_pack_findings_at_the_values_and_template_lines(root, helm):
    report = chartproof.lint_chart(root / "examples" / "todo-app", release="todo-app", namespace="todo-app",
                                   helm=helm, packs=[pack])
    found = [f for f in report if f.rule == "replicated-deployment-without-pdb"]
    # Each Deployment takes replicas from its own values key (.Values.backend.replicas, line 22;
    # .Values.frontend.replicas, line 32), though both hold 2: the key the template line reads
    # decides, not the text alone. Each template wrote it at line 10.
    assert sorted((Path(f.location.file).name, f.location.line, f.objects) for f in found) == [
        ("values.yaml", 22, 1), ("values.yaml", 32, 1)]
    assert sorted((Path(f.template_line.file).name, f.template_line.line) for f in found if f.template_line) == [
        ("backend-deployment.yaml", 10), ("frontend-deployment.yaml", 10)]


def test_graph_select_by_kind_namespace_and_labels():
    graph = chartproof.parse(text="apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x, labels: {app: web, tier: fe}}\n"
                                  "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: x, labels: {app: web}}\n"
                                  "---\napiVersion: v1\nkind: Secret\nmetadata: {name: c, namespace: x, labels: {app: web}}\n")
    assert [r.name for r in graph.select(kind="ConfigMap", labels={"app": "web"})] == ["a", "b"]
    assert [r.name for r in graph.select(labels={"app": "web", "tier": "fe"})] == ["a"]
    assert [r.name for r in graph.select(namespace="x")] == ["a", "b", "c"]
    assert graph.select(namespace="y") == []
