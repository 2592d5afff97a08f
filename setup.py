"""Builds chartproof's Python package: CMake builds the extension with the Debian toolchain.

    pip install --no-build-isolation .      # offline, with the setuptools already installed
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def _version() -> str:
    """The version has one home, CMakeLists.txt's project(); the CLI, the library and this package
    all take it from there (tests/python/test_version.py checks they agree)."""
    match = re.search(r"project\(chartproof VERSION ([0-9]+\.[0-9]+\.[0-9]+)", (ROOT / "CMakeLists.txt").read_text())
    if not match:
        raise RuntimeError("no project(chartproof VERSION x.y.z) in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


def _tree_interpreter_suffix(cache: Path) -> str:
    """The extension suffix of the interpreter a configured tree builds for ("" when none)."""
    if not cache.exists():
        return ""
    for line in cache.read_text().splitlines():
        if line.startswith("Python_EXECUTABLE:"):
            python = line.split("=", 1)[1]
            probe = [python, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"]
            try:
                return subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip()
            except (OSError, subprocess.CalledProcessError):
                return ""
    return ""


class CMakeBuild(build_ext):
    """Builds `_core` and `_cli` with CMake for this interpreter.

    CHARTPROOF_CMAKE_BUILD_DIR names a build tree to reuse: `make test` points it at the tree that
    already built the library and the test suite, so nothing is compiled twice; that tree keeps its
    other settings. Without it, a private tree with only the library, the CLI and the modules.
    """

    def build_extension(self, ext: Extension) -> None:
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        given = os.environ.get("CHARTPROOF_CMAKE_BUILD_DIR")
        build_dir = Path(given or self.build_temp).resolve()
        build_dir.mkdir(parents=True, exist_ok=True)
        out_dir = build_dir / "python-module"
        configure = ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCHARTPROOF_PYTHON=ON",
                     f"-DCHARTPROOF_PYTHON_OUT={out_dir}"]
        cache = build_dir / "CMakeCache.txt"
        if not cache.exists():
            configure += ["-DCMAKE_BUILD_TYPE=Release", "-DCHARTPROOF_TESTS=OFF", "-DCHARTPROOF_BENCH=OFF"]
        # A tree configured for an interpreter of the same ABI (a venv of it, say) is kept as it is:
        # switching interpreters would rebuild the modules for nothing.
        if _tree_interpreter_suffix(cache) != sysconfig.get_config_var("EXT_SUFFIX"):
            configure += [f"-DPython_EXECUTABLE={sys.executable}"]
        subprocess.check_call(configure, stdout=subprocess.DEVNULL)
        module = ext.name.rsplit(".", 1)[1]
        jobs = str(os.cpu_count() or 2)
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", module, "-j", jobs])
        built = next(out_dir.glob(f"{module}*.so"))
        shutil.copyfile(built, target)


setup(
    name="chartproof",
    version=_version(),
    description="Lint Kubernetes manifests rendered from Helm charts",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    url="https://github.com/chartproof/chartproof",
    project_urls={"Documentation": "https://github.com/chartproof/chartproof/blob/main/README.md",
                  "Rules": "https://github.com/chartproof/chartproof/blob/main/docs/rules.md"},
    keywords=["kubernetes", "helm", "lint", "policy", "sarif"],
    classifiers=[
        "Development Status :: 4 - Beta",
        "Environment :: Console",
        "Intended Audience :: Developers",
        "Intended Audience :: System Administrators",
        "Operating System :: POSIX :: Linux",
        "Programming Language :: C++",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Topic :: Software Development :: Quality Assurance",
        "Topic :: System :: Systems Administration",
        "Typing :: Typed",
    ],
    packages=["chartproof"],
    package_dir={"chartproof": "bindings/python/chartproof"},
    package_data={"chartproof": ["py.typed", "_core.pyi", "_cli.pyi"]},
    ext_modules=[CMakeExtension("chartproof._core"), CMakeExtension("chartproof._cli")],
    cmdclass={"build_ext": CMakeBuild},
    entry_points={"console_scripts": ["chartproof = chartproof.__main__:main"]},
    python_requires=">=3.9",
    zip_safe=False,
)
