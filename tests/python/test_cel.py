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
