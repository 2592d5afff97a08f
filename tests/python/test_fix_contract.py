"""chartproof fix, second part (issue 34): the probe contract, probe timing, missing limits (the value
the policy states), rollout settings and the validation findings one value fixes (an enum spelled
in other case: imagePullPolicy, protocol). testdata/charts/fixable-contract plants each of these
rules' findings twice, once fixed in values.yaml and once in a template; the policy that states the
contract is testdata/fix/contract-policy.yaml."""
import dataclasses
import json
import shutil
import subprocess
from pathlib import Path

FIXTURE = Path("testdata/charts/fixable-contract")
POLICY = Path("testdata/fix/contract-policy.yaml")
RULES = {"probe-contract-mismatch", "probe-timing-out-of-range", "probe-timing-invalid", "missing-cpu-limit",
         "missing-memory-limit", "rollout-causes-downtime", "unsupported-value"}


def run(cli, *args, cwd):
    return subprocess.run([cli, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def chart_copy(root, tmp_path) -> Path:
    chart = tmp_path / "fixable-contract"
    shutil.copytree(root / FIXTURE, chart)
    shutil.copy(root / POLICY, tmp_path / "policy.yaml")
    return chart


def findings(cli, helm, chart, cwd):
    out = run(cli, "lint", str(chart), "--helm", helm, "--policy", "policy.yaml", "--format", "json",
              "--fail-on", "never", cwd=cwd)
    assert out.returncode == 0, out.stderr
    return [g for f in json.loads(out.stdout)["findings"] for g in (f, *f.get("more", []))]


def test_each_rule_is_fixed_once_in_values_and_once_in_a_template(root, cli, helm, tmp_path, monkeypatch):
    import chartproof
    chart = chart_copy(root, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = chartproof.fix(chart.name, helm=helm, policy="policy.yaml")
    assert {o["rule"] for o in result.outcomes} == RULES
    refused = [o for o in result.outcomes if o["status"] != "kept"]
    assert not refused, refused
    for rule in RULES:
        places = {Path(o["file"]).parent.name for o in result.outcomes if o["rule"] == rule}
        assert places == {"fixable-contract", "templates"}, (rule, places)
    # The CLI says the same.
    out = run(cli, "fix", chart.name, "--helm", helm, "--policy", "policy.yaml", cwd=tmp_path)
    assert out.returncode == 0 and out.stdout == result.diff


def test_the_values_written_are_the_contracts_and_the_files_keep_their_style(root, cli, helm, tmp_path):
    chart = chart_copy(root, tmp_path)
    out = run(cli, "fix", str(chart), "--helm", helm, "--policy", "policy.yaml", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    added = {line[1:] for line in out.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")}
    removed = [line for line in out.stdout.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert added == {
        # values.yaml: values replaced in place, comments and quotes kept; limits added to the
        # entry the template writes with toYaml, at its children's indentation.
        "  pullPolicy: Always  # unsupported-value: Always",
        '  livenessPath: "/health/live"  # probe-contract-mismatch: the contract\'s path, quotes kept',
        "  livenessTimeout: 2  # probe-timing-out-of-range: the contract's bound, 2",
        "  livenessSuccessThreshold: 1  # probe-timing-invalid: 1, which Kubernetes requires",
        "  readinessFailureThreshold: 3  # probe-timing-invalid: Kubernetes' default, 3",
        "  maxUnavailable: 0  # rollout-causes-downtime: 0, maxSurge brings new pods up first",
        "  limits:", "    cpu: 500m", "    memory: 256Mi",
        # templates/worker.yaml: the literal values.
        "      maxUnavailable: 0  # rollout-causes-downtime: 0",
        "              protocol: TCP  # unsupported-value: TCP",
        "              port: http  # probe-contract-mismatch: the contract's port, http",
        "            successThreshold: 1  # probe-timing-invalid: 1",
        "              path: /health/ready  # probe-contract-mismatch: the contract's path",
        "            timeoutSeconds: 5  # probe-timing-invalid: the period, 5",
        "            failureThreshold: 12  # probe-timing-out-of-range: a 60 s window needs 12",
        "            limits:", "              cpu: 500m", "              memory: 256Mi",
    }
    # Every other line stays: one line removed for each value replaced, none for the keys added.
    assert len(removed) == len(added) - 6


def test_written_fixes_leave_none_of_these_findings_and_nothing_new(root, cli, helm, tmp_path):
    chart = chart_copy(root, tmp_path)
    before = findings(cli, helm, chart, tmp_path)
    assert {f["rule"] for f in before} >= RULES
    out = run(cli, "fix", str(chart), "--helm", helm, "--policy", "policy.yaml", "--write", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    after = findings(cli, helm, chart, tmp_path)
    assert not [f for f in after if f["rule"] in RULES]
    assert {(f["rule"], f["message"]) for f in after} <= {(f["rule"], f["message"]) for f in before}


def test_without_a_value_in_the_policy_a_missing_limit_has_no_edit(root, cli, helm, tmp_path):
    # How much CPU a workload needs is the team's call: with no fix_value the finding stays, with why.
    chart = chart_copy(root, tmp_path)
    policy = (tmp_path / "policy.yaml").read_text()
    (tmp_path / "policy.yaml").write_text(policy.replace("  missing-cpu-limit: {params: {fix_value: 500m}}\n", ""))
    out = run(cli, "fix", str(chart), "--helm", helm, "--policy", "policy.yaml", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    # Not offered (the finding's remediation says what to do in words), so not counted either way.
    assert "[missing-cpu-limit]" not in out.stderr and "[missing-memory-limit]" in out.stderr
    assert "cpu: 500m" not in out.stdout and "memory: 256Mi" in out.stdout
    after = findings(cli, helm, chart, tmp_path)
    assert len([f for f in after if f["rule"] == "missing-cpu-limit"]) == 2


def test_a_fix_value_that_is_not_a_quantity_is_a_policy_error(root, cli, tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text((root / POLICY).read_text().replace("fix_value: 500m", "fix_value: 500MB"))
    manifest = tmp_path / "m.yaml"
    manifest.write_text("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
    out = run(cli, "lint", str(manifest), "--policy", str(policy), cwd=tmp_path)
    assert out.returncode == 2
    assert "500MB" in out.stderr and "not a Kubernetes quantity" in out.stderr


def test_edits_that_only_together_bring_a_finding_are_kept_one_at_a_time(cli, tmp_path):
    # Each alone verifies: the liveness timeout lowered to the contract's bound, the readiness path
    # set to the contract's. Together the two probes become identical (liveness-same-as-readiness),
    # so the later one is dropped, the earlier one and every other fix kept.
    policy = tmp_path / "policy.yaml"
    policy.write_text(
        "apiVersion: chartproof.io/v1\nkind: Policy\nmetadata: {name: t}\nextends: recommended\nrules:\n"
        "  probe-contract-mismatch:\n"
        '    params: {liveness: "httpGet /health port=http", readiness: "httpGet /health port=http"}\n'
        '  probe-timing-out-of-range: {params: {liveness: "timeoutSeconds<=2"}}\n')
    manifest = tmp_path / "app.yaml"
    manifest.write_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  replicas: 2\n"
        "  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n    spec:\n"
        "      containers:\n        - name: app\n          image: registry.example.com/app:1.0.0\n"
        "          ports: [{name: http, containerPort: 8080}]\n"
        "          livenessProbe:\n            httpGet: {path: /health, port: http}\n            timeoutSeconds: 5\n"
        "          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n"
        "            timeoutSeconds: 2\n")
    out = run(cli, "fix", "app.yaml", "--policy", "policy.yaml", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert ("app.yaml:19: dropped [probe-contract-mismatch] readiness probe of container \"app\" checks path "
            "\"/ready\"; the contract requires \"/health\": alone verified, but with the fixes kept before it the "
            "edit brings a new finding (liveness-same-as-readiness)") in out.stderr.splitlines()
    assert "app.yaml:16: kept [probe-timing-out-of-range]" in out.stderr
    assert "+            timeoutSeconds: 2" in out.stdout and "path: /health\n" not in out.stdout
    assert "6 fixed, 1 dropped by verification" in out.stderr


def test_python_report_carries_each_kept_fix_as_the_cli_json_does(root, cli, helm, tmp_path, monkeypatch):
    import chartproof
    chart = chart_copy(root, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = chartproof.fix(chart.name, helm=helm, policy="policy.yaml")
    assert len(result.fixes) == len({(o["finding_file"], o["finding_line"], o["rule"]) for o in result.kept})
    assert all(isinstance(f.fix, chartproof.Fix) for f in result.fixes)
    out = run(cli, "fix", chart.name, "--helm", helm, "--policy", "policy.yaml", "--format", "json", cwd=tmp_path)
    cli_fixes = sorted((f["rule"], f["location"]["line"], json.dumps(f["fix"], sort_keys=True))
                       for f in json.loads(out.stdout)["findings"] if f.get("fix"))
    py_fixes = sorted((f.rule, f.line, json.dumps(dataclasses.asdict(f.fix), sort_keys=True)) for f in result.fixes)
    assert py_fixes == cli_fixes
    assert json.loads(result.report.to_json())["findings"] == json.loads(out.stdout)["findings"]
    # A lint report has none.
    assert all(f.fix is None for f in chartproof.lint(chart.name, helm=helm, policy="policy.yaml").findings)


POD_FIXTURE = Path("testdata/charts/fixable-pod")
POD_RULES = {"host-namespace-shared", "service-account-token-mounted", "privileged-container",
             "capabilities-not-dropped", "missing-cpu-request", "missing-memory-request", "missing-cpu-limit",
             "missing-memory-limit"}


def test_pod_level_rules_are_fixed_in_values_and_in_a_template(root, cli, helm, tmp_path, monkeypatch):
    # testdata/charts/fixable-pod under strict (whose fix_value each missing-resource rule writes):
    # each rule once on a values line (or the values block a template writes with toYaml), once on
    # a template's literal line; all verified, and after --write none of them is left.
    import chartproof
    chart = tmp_path / "fixable-pod"
    shutil.copytree(root / POD_FIXTURE, chart)
    monkeypatch.chdir(tmp_path)
    result = chartproof.fix(chart.name, helm=helm, profile="strict")
    assert not [o for o in result.outcomes if o["status"] != "kept"]
    for rule in POD_RULES:
        places = {Path(o["file"]).parent.name for o in result.outcomes if o["rule"] == rule}
        assert places == {"fixable-pod", "templates"}, (rule, places)
    # `resources: {}` opened into a block, in values.yaml and in the template.
    assert "-apiResources: {}  # requests and limits: the strict profile's fix_value each" in result.diff
    assert "+apiResources:  # requests and limits: the strict profile's fix_value each" in result.diff
    chartproof.fix(chart.name, helm=helm, profile="strict", write=True)
    left = chartproof.lint(chart.name, helm=helm, profile="strict")
    assert not [f for f in left.findings if f.rule in POD_RULES]
