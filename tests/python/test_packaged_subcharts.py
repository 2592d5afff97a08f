"""Packaged subcharts (charts/x-1.0.0.tgz, what `helm dependency build` leaves) are instrumented like
subchart folders (issue 33): a finding in one lands on its template line, named as packaged charts
are (charts/web-1.0.0.tgz!/web/templates/...), mapped, with the line's text as its code frame."""
import subprocess
import tarfile
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


DB = {
    "Chart.yaml": "apiVersion: v2\nname: db\nversion: 2.0.0\n",
    "values.yaml": "# the database's defaults\nrunAsUser: 0\n",
    "templates/statefulset.yaml": (
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: {{ .Release.Name }}-db\n"
        "spec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n"
        "    metadata: {labels: {app: db}}\n    spec:\n      hostPID: true\n      containers:\n"
        "        - name: db\n          image: db:2.0\n          securityContext:\n"
        "            runAsUser: {{ .Values.runAsUser }}\n"),
}


def test_a_packaged_subchart_inside_a_packaged_subchart_and_their_defaults(helm, tmp_path):
    # web-1.0.0.tgz holds db-2.0.0.tgz (what `helm dependency build` leaves at each level): db's
    # template lines and its own values.yaml are where its findings land, named through both archives.
    # (`helm package` itself stores a dependency as a folder, so the outer archive is made with tar.)
    db = write(tmp_path / "db", DB)
    sub = write(tmp_path / "web", SUBCHART)
    (sub / "charts").mkdir()
    subprocess.run([helm, "package", str(db), "-d", str(sub / "charts")], check=True, capture_output=True)
    parent = write(tmp_path / "shop", {"Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
                                        "values.yaml": "{}\n"})
    (parent / "charts").mkdir()
    with tarfile.open(parent / "charts" / "web-1.0.0.tgz", "w:gz") as archive:
        archive.add(sub, arcname="web")
    report = chartproof.lint_chart(parent, helm=helm, discover_policy=False)
    by_rule = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).append(f)
    inner = str(parent / "charts" / "web-1.0.0.tgz") + "!/web/charts/db-2.0.0.tgz!/db"
    host = [f for f in by_rule["host-namespace-shared"] if "hostPID" in f.message]
    assert [(f.file, f.line, f.mapped) for f in host] == [(inner + "/templates/statefulset.yaml", 11, True)]
    root = [f for f in by_rule["run-as-root"] if '"db"' in f.message]
    assert [(f.file, f.line) for f in root] == [(inner + "/values.yaml", 2)], [(f.file, f.line) for f in root]
    # A parent's value for the subchart's key wins over the subchart's default.
    override = tmp_path / "override.yaml"
    override.write_text("web:\n  db:\n    runAsUser: 0\n")
    report = chartproof.lint_chart(parent, helm=helm, values=[str(override)], discover_policy=False)
    root = [f for f in report.findings if f.rule == "run-as-root" and '"db"' in f.message]
    assert [(f.file, f.line) for f in root] == [(str(override), 3)]


def test_a_subchart_folder_inside_a_packaged_subchart_brings_its_defaults(helm, tmp_path):
    # What `helm package` makes of a chart with a dependency: the dependency as a folder in the archive.
    db = write(tmp_path / "web" / "charts" / "db", DB)
    sub = write(tmp_path / "web", SUBCHART)
    assert db.is_dir()
    parent = write(tmp_path / "shop", {"Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
                                        "values.yaml": "{}\n"})
    (parent / "charts").mkdir()
    subprocess.run([helm, "package", str(sub), "-d", str(parent / "charts")], check=True, capture_output=True)
    report = chartproof.lint_chart(parent, helm=helm, discover_policy=False)
    root = [f for f in report.findings if f.rule == "run-as-root" and '"db"' in f.message]
    inner = str(parent / "charts" / "web-1.0.0.tgz") + "!/web/charts/db"
    assert [(f.file, f.line) for f in root] == [(inner + "/values.yaml", 2)]
