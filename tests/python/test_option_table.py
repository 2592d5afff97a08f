"""The option table (lib/src/request/request_options.cpp) is the one place options are declared:
the CLI's flags, the Python keywords, ``_core.Request`` and its stub are made from it or checked
against it here."""
import inspect
import os
import shutil
import subprocess
import sys

import pytest

import chartproof
import chartproof.fleet
from chartproof import _core

# Keywords a Python function has besides the table's options.
PYTHON_ONLY = {
    "lint": {"paths", "text", "packs"},
    "lint_chart": {"path", "packs"},
    "audit": {"matrix", "jobs", "client", "progress"},
}
FUNCTIONS = {"lint": chartproof.lint, "lint_chart": chartproof.lint_chart, "audit": chartproof.fleet.audit}


@pytest.mark.parametrize("command", sorted(FUNCTIONS))
def test_python_keywords_are_the_table(command):
    parameters = inspect.signature(FUNCTIONS[command]).parameters
    table = {o["name"]: o for o in chartproof.options(command)}
    assert set(parameters) - PYTHON_ONLY[command] == set(table)
    for name, option in table.items():
        default = parameters[name].default
        # None means "the table's default"; anything else must be it.
        if default is None:
            continue
        if option["type"] == "List[str]":
            assert list(default) == option["default"], name
        else:
            assert default == option["default"], name


def test_every_request_attribute_is_an_option_and_round_trips():
    request = _core.Request()
    for option in _core.options():
        name = option["name"]
        assert getattr(request, name) == option["default"], name
        value = {"bool": True, "str": "x", "Optional[str]": (option["choices"] or ["x"])[-1],
                 "List[str]": ["a", "b"], "int": 7}[option["type"]]
        setattr(request, name, value)
        assert getattr(request, name) == value, name


def test_request_refuses_what_the_table_refuses():
    request = _core.Request()
    with pytest.raises(ValueError, match="min_severity"):
        request.min_severity = "fatal"
    with pytest.raises(ValueError, match="schema_mode"):
        request.schema_mode = "loose"
    with pytest.raises(ValueError, match="jobs"):
        request.jobs = -1
    with pytest.raises(TypeError, match="allow_empty"):
        request.allow_empty = "yes"
    request.enable = "run-as-root,privileged-container"  # one string is one item, split at commas
    assert request.enable == ["run-as-root", "privileged-container"]


def test_stub_is_generated_from_the_table(root, tmp_path):
    tool = root / "tools" / "gen-core-stub.py"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    ok = subprocess.run([sys.executable, str(tool), "--check"], env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    # The check can fail: a stub with one attribute's type changed is refused, and regenerated.
    stub = tmp_path / "_core.pyi"
    shutil.copy(root / "bindings" / "python" / "chartproof" / "_core.pyi", stub)
    stub.write_text(stub.read_text().replace("    helm_timeout: int\n", "    helm_timeout: str\n"))
    drift = subprocess.run([sys.executable, str(tool), "--check", str(stub)], env=env, capture_output=True, text=True)
    assert drift.returncode == 1 and "differs from the option table" in drift.stderr
    subprocess.run([sys.executable, str(tool), str(stub)], env=env, check=True)
    assert "    helm_timeout: int\n" in stub.read_text()


@pytest.mark.parametrize("command,use", [("lint", "lint"), ("audit", "audit"), ("policy show", "policy_show")])
def test_cli_flags_are_the_table(cli, command, use):
    shown = subprocess.run([cli, *command.split(), "--help"], capture_output=True, text=True, check=True).stdout
    for option in chartproof.options(use):
        if option["flags"]:
            for flag in option["flags"].split(","):
                assert flag in shown, (command, flag)
        for choice in option["choices"]:
            assert choice in shown, (command, option["name"], choice)


def test_cli_and_python_agree_on_a_new_lint_keyword(cli, root, tmp_path):
    # Chart options that lint() did not take before the table (values, release) give the CLI's answer.
    chart = root / "examples" / "todo-app"
    helm = subprocess.run([str(root / "scripts" / "get-helm.sh")], check=True, capture_output=True,
                          text=True).stdout.strip()
    values = tmp_path / "prod.yaml"
    values.write_text("backend:\n  replicas: 1\n")
    args = ["lint", str(chart), "--helm", helm, "-f", str(values), "--release", "shop", "--profile",
            "strict", "--format", "json", "--fail-on", "never"]
    from_cli = subprocess.run([cli, *args], capture_output=True, text=True, cwd=tmp_path).stdout
    report = chartproof.lint([chart], helm=helm, values=[values], release="shop", profile="strict")
    assert report.findings and report.to_json() == from_cli
