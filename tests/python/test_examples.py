"""examples/python: the scripts a user would write, run as a user would."""
import os
import subprocess
import sys


def run(root, script, *args):
    env = dict(os.environ)
    return subprocess.run([sys.executable, str(root / "examples" / "python" / script), *map(str, args)],
                          capture_output=True, text=True, env=env)


def test_fail_on_errors(root):
    broken = run(root, "fail_on_errors.py", root / "examples" / "todo-app" / "rendered-broken.yaml")
    assert broken.returncode == 1
    assert "run-as-root" in broken.stdout and "7 findings (5 errors)" in broken.stdout
    assert "rendered-broken.yaml:165:24: container \"backend\" runs as UID 0 (root), which its runAsNonRoot: true forbids: the kubelet refuses to start it [run-as-root]" in broken.stderr
    clean = run(root, "fail_on_errors.py", root / "examples" / "todo-app" / "rendered.yaml")
    assert clean.returncode == 0, clean.stderr


def test_deployments_without_pdb(root):
    out = run(root, "deployments_without_pdb.py", root / "testdata" / "manifests" / "hardened.yaml")
    assert out.returncode == 1
    # The hardened manifest has a PDB for the backend only.
    assert out.stdout.splitlines() == [
        line for line in out.stdout.splitlines() if "todo-app-frontend" in line]
    assert "todo-app/todo-app-frontend: 2 replica(s), no PodDisruptionBudget" in out.stdout
