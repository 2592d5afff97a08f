#!/usr/bin/env python3
"""The include rules of docs/architecture.md, checked over every #include in lib/, cli/ and bindings/.

A module of lib/src (its folder) may include its own headers, the internal headers of modules in a
lower layer, and public headers (lib/include/chartproof) that belong to its layer or a lower one.
cli/ and bindings/ use public headers only (cli_module.cpp, the console script, also the CLI).
Usage: check_layers.py SOURCE_DIR; exit 1 naming each back-edge.
"""
import re
import sys
from pathlib import Path

# Lowest first; modules on one line share a layer and must not include each other's internals.
LAYERS = [
    ["support"],
    ["cel"],
    ["io"],
    ["parse"],
    ["model"],
    ["graph"],
    ["chart", "jsonschema"],
    ["kubeschema"],
    ["policy", "rules"],
    ["engine"],
    ["report"],
    ["request"],
    ["audit", "fix"],
    ["lsp"],
]
# Which module each public header belongs to.
PUBLIC = {
    "error": "support", "version": "support", "suggest": "support", "node": "parse", "parse": "parse", "model": "model", "graph": "graph",
    "finding": "graph", "chart_folder": "graph", "chart": "chart", "policy": "policy", "options": "policy",
    "rule": "policy", "rule_pack": "policy", "baseline": "policy", "engine": "engine", "report": "report", "formats": "report", "request": "request", "request_options": "request", "cel": "request", "audit": "audit", "fix": "fix", "lsp": "lsp",
}
# Downward edges that are still not allowed: output formats work on findings, never on parser
# internals.
FORBIDDEN = {("report", "parse")}
# Third-party headers only one module may include: the parse module is the only YAML reader (one
# set of YAML semantics in the whole program); every other module sees the tree.
OWNED_SYSTEM = {"yaml.h": "parse", "yaml-cpp/": None}
SYSTEM_INCLUDE = re.compile(r'^\s*#\s*include\s+<([^>]+)>', re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(module: str) -> int:
    for i, layer in enumerate(LAYERS):
        if module in layer:
            return i
    raise KeyError(module)


def check(root: Path) -> list:
    problems = []
    modules = {p.name for p in (root / "lib/src").iterdir() if p.is_dir()}
    for m in sorted(modules):
        try:
            layer_of(m)
        except KeyError:
            problems.append(f"lib/src/{m}: a module docs/architecture.md does not place in a layer")
    for header in sorted((root / "lib/include/chartproof").glob("*.hpp")):
        if header.stem not in PUBLIC:
            problems.append(f"{header.relative_to(root)}: a public header no module owns (add it to PUBLIC)")
    for path in sorted((root / "lib").rglob("*.[ch]pp")):
        rel = path.relative_to(root)
        parts = rel.parts
        owner = parts[2] if parts[1] == "src" else PUBLIC.get(path.stem)
        if owner is None or owner not in modules | {"support"}:
            continue
        mine = layer_of(owner)
        text = path.read_text()
        for inc in SYSTEM_INCLUDE.findall(text):
            for prefix, only in OWNED_SYSTEM.items():
                if inc.startswith(prefix) and owner != only:
                    problems.append(f"{rel}: includes <{inc}>, which only {only or 'no module'} may use")
        for inc in INCLUDE.findall(text):
            if inc.startswith("chartproof/"):
                target = PUBLIC.get(Path(inc).stem)
                if target is None:
                    continue
                if layer_of(target) > mine:
                    problems.append(f"{rel}: includes {inc} ({target}, a higher layer than {owner})")
            else:
                target = inc.split("/")[0]
                if target not in modules or target == owner:
                    continue
                if (owner, target) in FORBIDDEN:
                    problems.append(f"{rel}: includes {inc} ({owner} may not use {target} internals)")
                elif layer_of(target) >= mine:
                    problems.append(f"{rel}: includes {inc} (internals of {target}, not below {owner})")
    for front in ["cli", "bindings"]:
        for path in sorted((root / front).rglob("*.[ch]pp")):
            rel = path.relative_to(root)
            for inc in INCLUDE.findall(path.read_text()):
                first = inc.split("/")[0]
                if first in modules:
                    problems.append(f"{rel}: includes library internals {inc}; fronts use lib/include only")
                if front == "bindings" and inc == "app.hpp" and path.name != "cli_module.cpp":
                    problems.append(f"{rel}: the Python library module includes the CLI")
    # The build links one library per layer in this order (lib/CMakeLists.txt, where a back-edge
    # fails to link): the two lists must say the same.
    cmake = (root / "lib/CMakeLists.txt").read_text()
    found = re.search(r"set\(CHARTPROOF_LAYERS ([^)]*)\)", cmake)
    linked = [layer.split("+") for layer in found.group(1).split()] if found else []
    if linked != LAYERS:
        problems.append(f"lib/CMakeLists.txt: CHARTPROOF_LAYERS {linked} differs from this script's LAYERS {LAYERS}")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    for p in found:
        print("FAIL:", p)
    print(f"{len(found)} include-rule violations")
    sys.exit(1 if found else 0)
