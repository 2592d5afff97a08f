#!/usr/bin/env python3
"""Instructions per CRD-rule evaluation (issue 32): the CRDs of the envoy-gateway render (249
x-kubernetes-validations blocks) against N generated objects of their kinds, counted with callgrind
side by side with the same run with crd-validation-rule disabled (everything else the same); the
difference over the number of rule evaluations is the cost of one evaluation (building `self` for
it, evaluating, reporting).

Usage: bench/cel_crd_rules.py [BUILD_DIR] [--objects N]   (needs valgrind and python3-yaml)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RENDER = ROOT.parent / "shared/corpus/rendered/bitnami__envoy-gateway__include-crds.yaml"


def generate(schema, depth=0):
    """A value of the schema's shape: every property (to depth 6), one item per list, the first enum."""
    if not isinstance(schema, dict):
        return "a"
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("x-kubernetes-int-or-string"):
        return 1
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 6:
            return {}
        return {k: generate(v, depth + 1) for k, v in (schema.get("properties") or {}).items()}
    if kind == "array":
        return [] if depth > 6 else [generate(schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), 1)
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return False
    return "a" * max(int(schema.get("minLength", 1)), 1)


def evaluations(schema, value, root=True):
    """How many rules crd-validation-rule runs on `value` (as it walks: present nodes, no oldSelf)."""
    if not isinstance(schema, dict) or value is None:
        return 0
    n = sum(1 for r in schema.get("x-kubernetes-validations", []) if "oldSelf" not in r.get("rule", ""))
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        for k, v in value.items():
            if root and k in ("apiVersion", "kind", "metadata"):
                continue
            sub = props.get(k, extra if isinstance(extra, dict) else None)
            n += evaluations(sub, v, False)
    elif isinstance(value, list):
        n += sum(evaluations(schema.get("items"), v, False) for v in value)
    return n


def instructions(cmd):
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                         capture_output=True, text=True)
    match = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if not match:
        sys.exit(f"bench: callgrind said: {run.stderr[-500:]}")
    return int(match.group(1).replace(",", ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default=str(ROOT / "build"))
    parser.add_argument("--objects", type=int, default=1000)
    parser.add_argument("--write", help="write the generated input to this file and stop")
    args = parser.parse_args()
    crds = [d for d in yaml.safe_load_all(RENDER.read_text()) if d and d.get("kind") == "CustomResourceDefinition"]
    kinds = []
    for crd in crds:
        spec = crd["spec"]
        for version in spec["versions"]:
            if version.get("storage"):
                schema = version["schema"]["openAPIV3Schema"]
                kinds.append((f"{spec['group']}/{version['name']}", spec["names"]["kind"], schema,
                              spec.get("scope") == "Namespaced"))
    objects, total = [], 0
    for i in range(args.objects):
        api_version, kind, schema, namespaced = kinds[i % len(kinds)]
        obj = generate(schema)
        obj.update({"apiVersion": api_version, "kind": kind,
                    "metadata": {"name": f"object-{i}", **({"namespace": "default"} if namespaced else {})}})
        total += evaluations(schema, obj)
        objects.append(obj)
    blocks = sum(len(re.findall(r"x-kubernetes-validations", yaml.safe_dump(c))) for c in crds)
    if args.write:
        Path(args.write).write_text(yaml.safe_dump_all(crds + objects, sort_keys=False))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "objects.yaml"
        path.write_text(yaml.safe_dump_all(crds + objects, sort_keys=False))
        binary = os.path.join(args.build, "cli/chartproof")
        common = [binary, "lint", str(path), "--jobs", "1", "--format", "json", "--fail-on", "never"]
        with_rules = instructions(common)
        without = instructions(common + ["--disable", "crd-validation-rule"])
    print(f"input: {len(crds)} CRDs of {RENDER.name} ({blocks} x-kubernetes-validations blocks), "
          f"{args.objects} generated objects of their {len(kinds)} kinds")
    print(f"rule evaluations: {total}")
    print(f"chartproof lint (default rules):                  {with_rules:,} instructions")
    print(f"chartproof lint --disable crd-validation-rule:    {without:,} instructions")
    print(f"per evaluation: {(with_rules - without) / max(total, 1):,.0f} instructions")


if __name__ == "__main__":
    main()
