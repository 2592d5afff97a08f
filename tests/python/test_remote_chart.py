"""Remote charts from Python: lint_chart("oci://…", version=, plain_http=) pulls with helm and gives
the CLI's JSON, byte for byte, against Debian's docker-registry started here on 127.0.0.1."""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

import chartproof


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def registry(tmp_path):
    if not shutil.which("docker-registry"):
        pytest.fail("docker-registry is required (scripts/install-deps.sh test installs it)")
    port = free_port()
    config = tmp_path / "registry.yml"
    config.write_text(f"version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: {tmp_path}/data\n"
                      f"http:\n  addr: 127.0.0.1:{port}\nlog:\n  level: error\n")
    server = subprocess.Popen(["docker-registry", "serve", str(config)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/v2/", timeout=1)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        server.kill()
        server.wait()


def test_an_oci_chart_from_python_is_the_clis(root, tmp_path, helm, cli, registry, monkeypatch):
    for name in ("HELM_CONFIG_HOME", "HELM_CACHE_HOME", "HELM_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    subprocess.run([helm, "package", str(root / "examples" / "todo-app"), "-d", str(tmp_path)], check=True,
                   capture_output=True)
    package = next(tmp_path.glob("todo-app-*.tgz"))
    version = package.name[len("todo-app-"):-len(".tgz")]
    subprocess.run([helm, "push", str(package), f"oci://{registry}/charts", "--plain-http"], check=True,
                   capture_output=True)
    ref = f"oci://{registry}/charts/todo-app"
    report = chartproof.lint_chart(ref, version=version, plain_http=True, helm=helm,
                                   set={"podSecurityContext.runAsUser": 0})
    run = subprocess.run([cli, "lint", ref, "--version", version, "--plain-http", "--helm", helm,
                          "--set", "podSecurityContext.runAsUser=0", "--format", "json"], capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert report.to_json() == run.stdout
    files = {f["location"]["file"] for f in json.loads(run.stdout)["findings"]}
    assert f"{ref}@{version}!/todo-app/templates/backend-deployment.yaml" in files
    with pytest.raises(chartproof.ChartError, match="helm pull failed \\(version 9.9.9\\)"):
        chartproof.lint_chart(ref, version="9.9.9", plain_http=True, helm=helm)
    assert os.path.exists(package)
