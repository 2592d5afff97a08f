"""Source maps: chart-mode findings land on the template or values line a person edits.

testdata/charts/source-map plants one mistake per construct a template writes text with (include
| nindent, toYaml, tpl, range, with, if/else, trimming, multi-line actions, block scalars, a
fromYaml/toYaml round trip, a subchart, a define in _helpers.tpl); `expect: RULE` on a line says a
finding of RULE lands there. Every finding of those rules must be expected and every expectation met.
"""
import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

import chartproof

FIXTURE = Path("testdata/charts/source-map")
EXPECT = re.compile(r"expect: ([a-z0-9-]+(?: [a-z0-9-]+)*)")


def expectations(chart: Path):
    expected = set()
    for path in sorted(chart.rglob("*")):
        if not path.is_file() or path.name == "Chart.yaml":
            continue
        for number, text in enumerate(path.read_text().splitlines(), start=1):
            if m := EXPECT.search(text):
                for rule in m.group(1).split():
                    expected.add((str(path), number, rule))
    return expected


@pytest.fixture
def report(root, helm, monkeypatch):
    monkeypatch.chdir(root)  # findings name the chart folder as given: relative to the current folder
    return chartproof.lint_chart(str(FIXTURE), helm=helm)


def test_every_planted_mistake_lands_on_its_line(report):
    expected = expectations(FIXTURE)
    rules = {rule for _, _, rule in expected}
    found = {(f.file, f.line, f.rule) for f in report.findings if f.rule in rules}
    assert found == expected


def test_every_finding_names_a_file_that_exists_and_is_mapped(report):
    assert report.findings
    for f in report.findings:
        assert os.path.isfile(f.file), f
        assert f.mapped, f
        if f.resource is None:
            continue  # a finding about Chart.yaml or a values file: no render position
        assert f.rendered is not None and f.rendered.file == f"helm template {FIXTURE}", f
        assert f.template_line is not None and os.path.isfile(f.template_line.file), f


def test_named_template_text_names_the_include_that_called_it(report):
    privileged = [f for f in report.findings if f.rule == "privileged-container"]
    assert len(privileged) == 1
    site = privileged[0].include_site
    deployment = (FIXTURE / "templates/deployment.yaml").read_text().splitlines()
    assert site is not None and site.file == str(FIXTURE / "templates/deployment.yaml")
    assert 'include "mapped.containerSecurity"' in deployment[site.line - 1]
    assert deployment[site.line - 1][site.column - 1:].startswith("include")


def test_a_value_from_values_yaml_keeps_the_template_line_that_wrote_it(report):
    # web and proxy take runAsUser from the same values line: one finding, the other in `more`.
    each = [g for f in report.findings for g in (f, *f.more)]
    web = [f for f in each if f.rule == "run-as-root" and '"web"' in f.message]
    assert len(web) == 1
    f = web[0]
    assert (f.file, f.line) == (str(FIXTURE / "values.yaml"), 7) and f.value_source == f.location
    lines = (FIXTURE / "templates/deployment.yaml").read_text().splitlines()
    assert "toYaml . | nindent 8" in lines[f.template_line.line - 1]


def test_chart_mode_sarif_is_valid_and_every_uri_exists(root, helm, cli):
    out = subprocess.run([cli, "lint", str(FIXTURE), "--helm", helm, "--format", "sarif"], cwd=root,
                         capture_output=True, text=True)
    assert out.returncode == 1, out.stderr
    sarif = json.loads(out.stdout)
    schema_file = root.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_file.exists():
        pytest.fail(f"the SARIF schema is missing at {schema_file}")
    jsonschema.validate(sarif, json.loads(schema_file.read_text()))
    uris = []
    for result in sarif["runs"][0]["results"]:
        for loc in result["locations"] + result.get("relatedLocations", []):
            if "physicalLocation" in loc:
                uris.append(loc["physicalLocation"]["artifactLocation"]["uri"])
    assert uris
    for uri in uris:
        assert (root / uri).is_file(), uri


def test_quiet_junit_and_github_name_the_edit_location(root, helm, cli):
    def run(*args):
        return subprocess.run([cli, "lint", str(FIXTURE), "--helm", helm, *args], cwd=root,
                              capture_output=True, text=True).stdout
    line = (f"{FIXTURE}/templates/_helpers.tpl:16:13: error: container \"web\" runs privileged [privileged-container]"
            " in Deployment \"default/release-name-web\"")
    assert line in run("--quiet").splitlines()
    assert f"file={FIXTURE}/templates/_helpers.tpl,line=16,col=13" in run("--format", "github")
    assert "helm-template" not in run("--format", "junit") + run("--quiet") + run("--format", "github")


def test_a_piped_render_with_its_chart_folder_maps_the_same(report, root, helm):
    render = subprocess.run([helm, "template", str(FIXTURE)], cwd=root, capture_output=True, text=True,
                            check=True).stdout
    piped = chartproof.lint(text=render, chart=str(FIXTURE), helm=helm)

    def where(r):
        return sorted((f.file, f.line, f.column, f.rule) for f in r.findings)

    assert where(piped) == where(report)
    assert {f.rendered.file for f in piped.findings if f.rendered} == {"<string>"}


def test_chart_needs_one_rendered_input(root, helm):
    with pytest.raises(chartproof.UsageError, match="--chart maps one rendered input"):
        chartproof.lint(text={"a.yaml": "kind: A\n", "b.yaml": "kind: B\n"}, chart=str(root / FIXTURE), helm=helm)


def test_charts_are_separate_releases_and_a_broken_one_keeps_the_others(root, helm, tmp_path):
    import shutil
    for name in ("a", "b"):
        shutil.copytree(root / "examples/todo-app", tmp_path / name)
    shutil.copytree(root / "testdata/charts/template-error", tmp_path / "c")
    values = tmp_path / "b/values.yaml"
    values.write_text(values.read_text().replace("  runAsUser: 1000\n", "  runAsUser: 0\n"))
    with pytest.raises(chartproof.ChartError) as caught:
        chartproof.lint([str(tmp_path)], helm=helm)
    error = caught.value
    assert error.file == str(tmp_path / "c/templates/configmap.yaml") and len(error.errors) == 1
    rules = [f.rule for f in error.report.findings]
    assert rules.count("run-as-root") == 1 and all(f.file == str(values) for f in error.report.findings)
    assert [f.objects for f in error.report.findings if f.rule == "run-as-root"] == [3]
    assert "duplicate-resource" not in rules and "overlapping-selectors" not in rules


def test_markers_never_reach_a_value_and_every_section_pairs(root, helm, cli):
    # An include ending in `-}}` (templates/components.yaml) trims the blank before the marker of its
    # line: the marker was glued to the define's last value, a label (`name: checkout #@7:80d@#@1:3@`),
    # and the probe render (the instrumented one, markers removed) carried `checkout#@1:3@` into a
    # false release-name-overflow error.
    out = subprocess.run([cli, "lint", str(FIXTURE), "--helm", helm, "--format", "json"], cwd=root,
                         capture_output=True, text=True, timeout=120)
    report = json.loads(out.stdout)
    assert not [f for f in report["findings"] if "#@" in json.dumps(f)]
    (chart,) = report["charts"]
    assert chart["sections"] == chart["aligned_sections"] == 8
    assert chart["mapped_lines"] >= chart["rendered_lines"] - 2 * chart["sections"]
