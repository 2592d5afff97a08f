"""Pod Security in chart mode: a chart that creates its namespace with pod-security labels has its
pods judged at that level, at the template line (pod-security-namespace), by the CLI and Python
alike; the pss-restricted profile runs admission's checks (pod-security)."""
import json
import subprocess
from pathlib import Path

import chartproof

CHART = {
    "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\nappVersion: \"1.0\"\n",
    "values.yaml": "hostNetwork: true\n",
    "templates/namespace.yaml": (
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n"
        "    pod-security.kubernetes.io/enforce: baseline\n"),
    "templates/deployment.yaml": (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n  namespace: shop\n"
        "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
        "    spec:\n      hostNetwork: {{ .Values.hostNetwork }}\n"
        "      containers: [{name: web, image: \"web:1.0\"}]\n"),
}


def write_chart(root: Path) -> Path:
    chart = root / "shop"
    for name, text in CHART.items():
        (chart / name).parent.mkdir(parents=True, exist_ok=True)
        (chart / name).write_text(text)
    return chart


def test_chart_that_creates_its_namespace(cli, helm, tmp_path):
    chart = write_chart(tmp_path)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    found = [f for f in report.findings if f.rule == "pod-security-namespace"]
    assert len(found) == 1
    # At the values line that sets it (the template line writes the value from values.yaml).
    assert (Path(found[0].file).name, found[0].line) == ("values.yaml", 1)
    assert found[0].severity == "error"
    assert found[0].message.startswith('violates PodSecurity "baseline:v1.36": host namespaces (hostNetwork=true)')
    run = subprocess.run([cli, "lint", str(chart), "--helm", helm, "--format", "json", "--fail-on", "never"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    cli_found = [f for f in json.loads(run.stdout)["findings"] if f["rule"] == "pod-security-namespace"]
    assert [f["message"] for f in cli_found] == [found[0].message]


def test_pss_restricted_profile_at_a_pinned_version(helm, tmp_path):
    chart = write_chart(tmp_path)
    report = chartproof.lint_chart(chart, helm=helm, profile="pss-restricted", set={"hostNetwork": "false"},
                                   kube_version="1.30")
    # Findings at one template line are grouped (Finding.more): one edit location, four checks.
    found = [m for f in report.findings if f.rule == "pod-security" for m in (f, *f.more)]
    reasons = sorted(f.message.split('": ')[1].split(" (")[0] for f in found)
    assert reasons == ["allowPrivilegeEscalation != false", "runAsNonRoot != true", "seccompProfile",
                       "unrestricted capabilities"]
    assert all("restricted:v1.30" in f.message for f in found)
