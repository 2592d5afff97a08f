"""Packaged subcharts (charts/x-1.0.0.tgz, what `helm dependency build` leaves) are instrumented like
subchart folders (issue 33): a finding in one lands on its template line, named as packaged charts
are (charts/web-1.0.0.tgz!/web/templates/...), mapped, with the line's text as its code frame."""
import subprocess
from pathlib import Path

import chartproof

SUBCHART = {
    "Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    "values.yaml": "image: web:1.0\n",
    "templates/deployment.yaml": (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
        "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
        "    spec:\n      hostNetwork: true\n      containers:\n        - name: web\n"
        "          image: {{ .Values.image | quote }}\n"),
}


def write(root: Path, files) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_a_packaged_subchart_maps_to_its_template_line(helm, cli, tmp_path):
    sub = write(tmp_path / "web", SUBCHART)
    parent = write(tmp_path / "shop", {"Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
                                        "values.yaml": "{}\n"})
    (parent / "charts").mkdir()
    subprocess.run([helm, "package", str(sub), "-d", str(parent / "charts")], check=True, capture_output=True)
    report = chartproof.lint_chart(parent, helm=helm, discover_policy=False)
    found = [f for f in report.findings if f.rule == "host-namespace-shared"]
    assert len(found) == 1, [(f.rule, f.file, f.line) for f in report.findings]
    f = found[0]
    assert f.file == str(parent / "charts" / "web-1.0.0.tgz") + "!/web/templates/deployment.yaml"
    assert (f.line, f.mapped) == (10, True)
    # The CLI says the same, with the template's line as the code frame.
    run = subprocess.run([cli, "lint", str(parent), "--helm", helm, "--format", "text", "--fail-on", "never"],
                         capture_output=True, text=True)
    assert f"web-1.0.0.tgz!/web/templates/deployment.yaml:10:" in run.stdout
    assert "  10 |       hostNetwork: true" in run.stdout
