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
        ("files/pod-spec.yaml", 3, 14, True)]
    # The template line that read the file stays as where the text was written.
    assert found[0].template_line is not None and found[0].template_line.line == 10


def write(chart: Path, files) -> Path:
    for name, text in files.items():
        (chart / name).parent.mkdir(parents=True, exist_ok=True)
        (chart / name).write_text(text)
    return chart


GLOBBED = {
    "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\nappVersion: \"1.0\"\n",
    "values.yaml": "{}\n",
    # Two config files through `.Files.Glob … .AsConfig`, two scripts through a range over a Glob
    # and `.Files.Get $path`: a credential in each lands on its file's line.
    "config/app.properties": "server.port=8080\ndb.password=Zq8#vL2!pW9xR4tY\n",
    "config/cache.properties": "cache.size=64\n",
    "scripts/init.sh": "#!/bin/sh\nexport API_TOKEN=ghp_R8xQ2mN5vK7pL3wT9yB4cF6hJ1dS0aZeUiOq\n",
    "scripts/other.sh": "#!/bin/sh\necho ok\n",
    "templates/config.yaml": (
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n"
        "data:\n"
        "{{ (.Files.Glob \"config/*.properties\").AsConfig | indent 2 }}\n"),
    "templates/scripts.yaml": (
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-scripts\n"
        "data:\n"
        "  {{- range $path, $_ := .Files.Glob \"scripts/*.sh\" }}\n"
        "  {{ base $path }}: |\n"
        "{{ $.Files.Get $path | indent 4 }}\n"
        "  {{- end }}\n"),
}


def test_files_a_glob_reads_map_to_their_lines(helm, tmp_path):
    chart = write(tmp_path / "shop", GLOBBED)
    report = chartproof.lint_chart(chart, helm=helm, profile="strict", discover_policy=False)
    each = [g for f in report.findings for g in (f, *f.more)]
    placed = {(g.rule, Path(g.file).relative_to(chart).as_posix(), g.line, g.column) for g in each
              if g.rule.startswith(("credential-", "plaintext-secret"))}
    # At the secret itself: `db.password=` is 12 characters, `export API_TOKEN=` 17.
    assert placed == {("credential-in-configmap", "config/app.properties", 2, 13),
                      ("credential-in-configmap", "scripts/init.sh", 2, 18)}, placed


def test_a_file_read_through_fromyaml_and_back_maps_to_its_lines(helm, tmp_path):
    # `$extra := .Files.Get "x" | fromYaml`, merged into itself, then `toYaml $extra`: keys sorted,
    # comments gone, but each `key: value` line is still one of the file's.
    chart = write(tmp_path / "shop", {
        "Chart.yaml": "apiVersion: v2\nname: shop\nversion: 1.0.0\n",
        "values.yaml": "{}\n",
        "files/pod-extras.yaml": "# pod-level settings\nterminationGracePeriodSeconds: 30\nhostPID: true\n",
        "templates/deployment.yaml": (
            "{{- $extra := .Files.Get \"files/pod-extras.yaml\" | fromYaml }}\n"
            "{{- $extra = merge $extra (dict \"terminationGracePeriodSeconds\" 10) }}\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
            "spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n"
            "    spec:\n"
            "      {{- toYaml $extra | nindent 6 }}\n"
            "      containers:\n        - name: web\n          image: web:1.0\n"),
    })
    report = chartproof.lint_chart(chart, helm=helm, discover_policy=False)
    found = [f for f in report.findings if f.rule == "host-namespace-shared"]
    assert [(Path(f.file).relative_to(chart).as_posix(), f.line, f.column) for f in found] == [
        ("files/pod-extras.yaml", 3, 10)]
    assert found[0].template_line is not None and found[0].template_line.line == 12
