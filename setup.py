"""Builds chartproof's Python package: CMake builds the extension with the Debian toolchain.

    pip install --no-build-isolation .      # offline, with the setuptools already installed
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures the project with CHARTPROOF_PYTHON=ON for this interpreter and builds `_core`."""

    def build_extension(self, ext: Extension) -> None:
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        # CHARTPROOF_CMAKE_BUILD_DIR keeps the build between installs (make test uses it).
        build_dir = Path(os.environ.get("CHARTPROOF_CMAKE_BUILD_DIR", self.build_temp)).resolve()
        build_dir.mkdir(parents=True, exist_ok=True)
        out_dir = build_dir / "python-module"
        subprocess.check_call([
            "cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
            "-DCHARTPROOF_PYTHON=ON", "-DCHARTPROOF_TESTS=OFF", "-DCHARTPROOF_CLI=ON", "-DCHARTPROOF_BENCH=OFF",
            f"-DPython_EXECUTABLE={sys.executable}", f"-DPYTHON_EXECUTABLE={sys.executable}",
            f"-DCHARTPROOF_PYTHON_OUT={out_dir}",
        ])
        jobs = str(os.cpu_count() or 2)
        subprocess.check_call(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs])
        built = next(out_dir.glob("_core*.so"))
        shutil.copyfile(built, target)


setup(
    name="chartproof",
    version="0.1.0",
    description="Lint Kubernetes manifests rendered from Helm charts",
    packages=["chartproof"],
    package_dir={"chartproof": "bindings/python/chartproof"},
    package_data={"chartproof": ["py.typed", "_core.pyi"]},
    ext_modules=[CMakeExtension("chartproof._core")],
    cmdclass={"build_ext": CMakeBuild},
    entry_points={"console_scripts": ["chartproof = chartproof.__main__:main"]},
    python_requires=">=3.9",
    zip_safe=False,
)
