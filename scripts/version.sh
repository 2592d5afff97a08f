#!/usr/bin/env bash
# Prints chartproof's version: the one place it is written, CMakeLists.txt's project() (setup.py
# reads the same line; tests/python/test_version.py checks every other place agrees).
sed -nE 's/^project\(chartproof VERSION ([0-9.]+).*/\1/p' "$(cd "$(dirname "$0")/.." && pwd)/CMakeLists.txt"
