"""chartproof.cel.evaluate and `chartproof cel` give the same answer for the same request."""
import subprocess

import pytest

import chartproof
from chartproof import cel

CASES = [
    ("self.spec.replicas <= 10 && self.spec.ports.all(p, p.port < 1024)", True),
    ("self.spec.ports.map(p, p.name)", True),
    ("self.spec.replicas / 0", True),
    ("params.max - self.spec.replicas", True),
]


@pytest.mark.parametrize("expression,_", CASES)
def test_cli_and_python_agree(cli, tmp_path, expression, _):
    obj = tmp_path / "object.yaml"
    obj.write_text("spec:\n  replicas: 3\n  ports: [{name: http, port: 80}, {name: metrics, port: 9090}]\n")
    params = tmp_path / "params.yaml"
    params.write_text("max: 10\n")
    result = cel.evaluate(expression, object=obj, params=params)
    run = subprocess.run([cli, "cel", expression, "--object", str(obj), "--params", str(params)],
                         capture_output=True, text=True)
    if result.ok:
        assert (run.returncode, run.stdout) == (0, result.value + "\n")
    else:
        assert (run.returncode, run.stderr) == (1, "error: " + result.value + "\n")


def test_values_and_errors(tmp_path):
    assert cel.evaluate("[1, 2u, 'a'].size() == 3").value == "true"
    assert cel.evaluate("1 / 0") == cel.Result(False, "divide by zero", cel.evaluate("1 / 0").cost)
    with pytest.raises(chartproof.UsageError, match="Syntax error"):
        cel.evaluate("1 +")
    with pytest.raises(chartproof.UsageError):
        cel.evaluate("self", object=tmp_path / "missing.yaml")


@pytest.mark.parametrize("expression,version", [
    ("sets.contains([1, 2], [2])", "1.28"),  # ext.Sets: from 1.29
    ("sets.contains([1, 2], [2])", "1.29"),
    ("quantity('1Gi').isGreaterThan(quantity('1G'))", "1.27"),  # library.Quantity: from 1.28
    ("[1, 2].all(i, v, v > i)", "1.31"),  # two-variable comprehensions: from 1.32
    ("[1, 2].all(i, v, v > i)", "1.32"),
])
def test_kube_version_selects_libraries_alike(cli, expression, version):
    result = cel.evaluate(expression, kube_version=version)
    run = subprocess.run([cli, "cel", expression, "--kube-version", version], capture_output=True, text=True)
    enabled = version not in ("1.28", "1.27", "1.31")
    assert result.ok == enabled
    if result.ok:
        assert (run.returncode, run.stdout) == (0, result.value + "\n")
    else:
        assert "enable" in result.value
        assert (run.returncode, run.stderr) == (1, "error: " + result.value + "\n")


def test_bad_kube_version_is_a_usage_error(cli):
    with pytest.raises(chartproof.UsageError):
        cel.evaluate("1", kube_version="one point thirty")
    assert subprocess.run([cli, "cel", "1", "--kube-version", "x"], capture_output=True).returncode == 2


def test_conformance_mode_answers_bad_requests_without_failing(cli):
    requests = ['{"expr": "x", "bindings": {"x": {"int64": "not a number"}}}',
                '{"expr": "x", "bindings": {"x": {"bytes": "zz"}}}',
                'not json',
                '{"expr": "x", "bindings": {"x": {"int64": "-5"}}}']
    run = subprocess.run([cli, "cel", "--conformance"], input="\n".join(requests) + "\n", capture_output=True,
                         text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ['{"error":"bad binding x"}', '{"error":"bad binding x"}',
                                       '{"error":"bad request"}', '{"value":{"int64":"-5"}}']
