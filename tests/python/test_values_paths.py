"""A value's line is the values entry the template reads (issue 33, "Values, precisely"): with an
override that holds the same value under a key that merely ends alike, the finding stays on the key
the template line names, in a parent chart or under a subchart's key."""
from pathlib import Path

import chartproof

DEPLOYMENT = (
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
    "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
    "    spec:\n"
    "      initContainers:\n"
    "        - name: chown\n          image: \"busybox:1.36\"\n"
    "          securityContext:\n"
    "            runAsUser: {{ .Values.initChownData.securityContext.runAsUser }}\n"
    "      containers:\n"
    "        - name: web\n          image: \"web:1.0\"\n"
    "          securityContext:\n"
    "            runAsUser: {{ .Values.securityContext.runAsUser }}\n")
CHART = {
    "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
    "values.yaml": "securityContext:\n  runAsUser: 1000\ninitChownData:\n  securityContext:\n    runAsUser: 0\n",
    "templates/deployment.yaml": DEPLOYMENT,
}


def write(root: Path, files) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def run_as_root(report):
    return sorted((Path(f.file).name, f.line, f.path.split(".")[3])
                  for f in report.findings if f.rule == "run-as-root")


def test_an_override_ending_alike_does_not_take_the_finding(helm, tmp_path):
    chart = write(tmp_path / "shop", CHART)
    override = tmp_path / "prod.yaml"
    override.write_text("replicaCount: 2\nsecurityContext:\n  runAsUser: 0\n")  # the main container too
    report = chartproof.lint_chart(chart, helm=helm, values=[override], discover_policy=False)
    # The init container reads initChownData...runAsUser (values.yaml line 5), the main container
    # securityContext.runAsUser, which the override sets (prod.yaml line 3).
    assert run_as_root(report) == [("prod.yaml", 3, "containers[0]"), ("values.yaml", 5, "initContainers[0]")]


def test_a_subchart_reads_its_values_under_its_key(helm, tmp_path):
    files = dict(CHART)
    files["values.yaml"] = "web:\n  securityContext:\n    runAsUser: 0\n  initChownData:\n    securityContext:\n      runAsUser: 0\n"
    files["charts/web/Chart.yaml"] = "apiVersion: v2\nname: web\nversion: 1.0.0\n"
    files["charts/web/values.yaml"] = "securityContext:\n  runAsUser: 1000\ninitChownData:\n  securityContext:\n    runAsUser: 1000\n"
    files["charts/web/templates/deployment.yaml"] = DEPLOYMENT
    del files["templates/deployment.yaml"]
    chart = write(tmp_path / "shop", files)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    assert run_as_root(report) == [("values.yaml", 3, "containers[0]"), ("values.yaml", 6, "initContainers[0]")]


def test_a_subchart_default_lands_on_the_subcharts_values_yaml(helm, tmp_path):
    """A value no parent values file sets comes from the subchart's own values.yaml: the finding
    names that file's line; a parent's value under the subchart's key overrides it and takes it."""
    files = dict(CHART)
    files["values.yaml"] = "web:\n  initChownData:\n    securityContext:\n      runAsUser: 0\n"
    files["charts/web/Chart.yaml"] = "apiVersion: v2\nname: web\nversion: 1.0.0\n"
    files["charts/web/values.yaml"] = ("replicas: 1\nsecurityContext:\n  runAsUser: 0\ninitChownData:\n"
                                       "  securityContext:\n    runAsUser: 1000\n")
    files["charts/web/templates/deployment.yaml"] = DEPLOYMENT
    del files["templates/deployment.yaml"]
    chart = write(tmp_path / "shop", files)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    found = sorted((str(Path(f.file).relative_to(chart)), f.line, f.path.split(".")[3])
                   for f in report.findings if f.rule == "run-as-root")
    # The main container's 0 is the subchart's default (charts/web/values.yaml line 3); the init
    # container's is the parent's override (values.yaml line 4), not the subchart's 1000.
    assert found == [("charts/web/values.yaml", 3, "containers[0]"), ("values.yaml", 4, "initContainers[0]")]


def test_a_composed_image_lands_on_the_tag_it_is_about(helm, tmp_path):
    """`image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"` with `tag: latest`: the
    mutable-tag finding is about the tag, so it lands on the tag's values line, in the last values
    file that sets it (issue 33, "a value composed into a string")."""
    deployment = DEPLOYMENT.replace('image: "web:1.0"', 'image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"')
    files = dict(CHART)
    files["templates/deployment.yaml"] = deployment
    files["values.yaml"] = CHART["values.yaml"] + "image:\n  repository: registry.example/web\n  tag: latest\n"
    chart = write(tmp_path / "shop", files)

    def tag_findings(report):
        return [(Path(f.file).name, f.line) for f in report.findings if f.rule == "image-tag-mutable"]

    assert tag_findings(chartproof.lint_chart(chart, helm=helm, discover_policy=False)) == [("values.yaml", 8)]
    override = tmp_path / "prod.yaml"
    override.write_text("image:\n  tag: latest\n")
    report = chartproof.lint_chart(chart, helm=helm, values=[override], discover_policy=False)
    assert tag_findings(report) == [("prod.yaml", 2)]
    # A tag no values file holds (computed in the template) stays on the template line.
    files["templates/deployment.yaml"] = DEPLOYMENT.replace('image: "web:1.0"', 'image: "web:{{ "latest" }}"')
    chart = write(tmp_path / "literal", files)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    assert [(Path(f.file).name, f.line) for f in report.findings if f.rule == "image-tag-mutable"] == \
        [("deployment.yaml", 17)]


def test_a_tpl_block_from_values_lands_inside_the_block(helm, tmp_path):
    """`extraContainers: |` in values, written with `{{ tpl .Values.extraContainers . | nindent 8 }}`:
    a finding on the sidecar lands on its line inside the block in values.yaml, not on the tpl line
    (issue 33, "a tpl'd block scalar")."""
    deployment = DEPLOYMENT + "        {{- tpl .Values.extraContainers . | nindent 8 }}\n"
    files = dict(CHART)
    files["templates/deployment.yaml"] = deployment
    files["values.yaml"] = ("securityContext:\n  runAsUser: 1000\ninitChownData:\n  securityContext:\n"
                            "    runAsUser: 1000\nextraContainers: |\n  - name: sidecar\n"
                            "    image: \"busybox:{{ .Chart.Version }}\"\n    securityContext:\n      privileged: true\n")
    chart = write(tmp_path / "shop", files)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    privileged = [(Path(f.file).name, f.line, f.template_line.line if f.template_line else None)
                  for f in report.findings if f.rule == "privileged-container"]
    # values.yaml line 10 holds `privileged: true`; the template line that wrote it is the tpl line (20).
    assert privileged == [("values.yaml", 10, 20)]
