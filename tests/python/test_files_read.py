"""Files the chart reads (issue 33): lines `.Files.Get "path"` puts into the render map to that file's
line, not to the template line that read it."""
from pathlib import Path

import chartproof

CHART = {
    "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\nappVersion: \"1.0\"\n",
    "values.yaml": "{}\n",
    "files/pod-spec.yaml": (
        "# The pod spec, kept as a plain file.\n"
        "automountServiceAccountToken: false\n"
        "hostNetwork: true\n"
        "containers:\n"
        "  - name: web\n"
        "    image: \"web:1.0\"\n"),
    "templates/deployment.yaml": (
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
        "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
        "    spec:\n"
        "{{ .Files.Get \"files/pod-spec.yaml\" | indent 6 }}\n"),
}


def test_a_line_read_from_a_chart_file_maps_to_that_file(helm, tmp_path):
    chart = tmp_path / "shop"
    for name, text in CHART.items():
        (chart / name).parent.mkdir(parents=True, exist_ok=True)
        (chart / name).write_text(text)
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    found = [f for f in report.findings if f.rule == "host-namespace-shared"]
    assert [(Path(f.file).relative_to(chart).as_posix(), f.line, f.column, f.mapped) for f in found] == [
        ("files/pod-spec.yaml", 3, 1, True)]
    # The template line that read the file stays as where the text was written.
    assert found[0].template_line is not None and found[0].template_line.line == 10
