import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def pytest_report_header(config):
    import chartproof

    return [f"chartproof {chartproof.__version__} from {Path(chartproof.__file__).parent}",
            f"interpreter: {sys.executable} (Python {sys.version.split()[0]})"]


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def cli() -> str:
    path = os.path.abspath(os.environ.get("CHARTPROOF_CLI", str(ROOT / "build" / "cli" / "chartproof")))
    if not os.path.exists(path):
        pytest.fail(f"the chartproof CLI is not built at {path} (make build)")
    return path


@pytest.fixture(scope="session")
def helm() -> str:
    """helm from scripts/get-helm.sh: a requirement of the suite, so its absence fails the test."""
    try:
        return subprocess.run([str(ROOT / "scripts" / "get-helm.sh")], check=True, capture_output=True,
                              text=True).stdout.strip()
    except subprocess.CalledProcessError as e:
        pytest.fail(f"helm is required and scripts/get-helm.sh could not provide it: {e.stderr}")
