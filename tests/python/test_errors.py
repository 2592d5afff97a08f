"""Errors: the right exception types, with locations."""
import pytest

import chartproof


def test_missing_file_is_input_error():
    with pytest.raises(chartproof.InputError) as info:
        chartproof.lint("/no/such/rendered.yaml")
    assert info.value.file == "/no/such/rendered.yaml"
    assert "no such file or directory" in str(info.value)
    assert isinstance(info.value, chartproof.Error)


def test_bad_policy_is_policy_error_with_location(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("apiVersion: chartproof.io/v1\nkind: Policy\nrules:\n  run-as-rot: false\n")
    with pytest.raises(chartproof.PolicyError) as info:
        chartproof.Policy.load(policy)
    assert (info.value.file, info.value.line, info.value.column) == (str(policy), 4, 3)
    assert 'did you mean "run-as-root"' in str(info.value)
    with pytest.raises(chartproof.PolicyError):
        chartproof.lint(text="kind: ConfigMap\n", policy=str(policy))
    with pytest.raises(chartproof.PolicyError):
        chartproof.lint(text="kind: ConfigMap\n", profile="strct")


def test_bad_yaml_parse_error_and_lint_finding():
    text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\nports: [80, 443\n"
    with pytest.raises(chartproof.ParseError) as info:
        chartproof.parse(text=text)
    assert info.value.line == 6 and info.value.file == "<string>"
    graph = chartproof.parse(text=text, strict=False)
    assert len(graph) == 1
    report = chartproof.lint(text=text)
    assert [(f.rule, f.line) for f in report if f.rule == "invalid-yaml"] == [("invalid-yaml", 6)]


def test_an_input_with_no_objects_is_a_usage_error_unless_allowed():
    for text in ("", "# only a comment\n---\n"):
        with pytest.raises(chartproof.UsageError, match="no Kubernetes objects in the input"):
            chartproof.lint(text=text, discover_policy=False)
        report = chartproof.lint(text=text, discover_policy=False, allow_empty=True)
        assert report.ok() and report.summary.documents == 0
