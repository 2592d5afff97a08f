"""One version everywhere: CMakeLists.txt's project() is the source; the CLI, the Python module and
the installed package's metadata all say the same."""
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import chartproof


def test_cmake_cli_python_and_metadata_agree(root: Path, cli: str):
    cmake = re.search(r"project\(chartproof VERSION ([0-9.]+)", (root / "CMakeLists.txt").read_text())
    assert cmake
    version = cmake.group(1)
    assert chartproof.__version__ == version
    assert metadata.version("chartproof") == version
    plugin = re.search(r"^version: ([0-9.]+)$", (root / "helm-plugin/plugin.yaml").read_text(), re.M)
    assert plugin and plugin.group(1) == version, "helm-plugin/plugin.yaml"
    out = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout
    assert out == f"chartproof {version}\n"
    # The console script installed beside this interpreter, and `python -m chartproof`.
    script = Path(sys.executable).parent / "chartproof"
    for command in ([str(script), "version"], [sys.executable, "-m", "chartproof", "--version"]):
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        assert out == f"chartproof {version}\n", command
