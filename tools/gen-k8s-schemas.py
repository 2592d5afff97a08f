#!/usr/bin/env python3
"""Turns the Kubernetes OpenAPI v2 specs and API lifecycle table of ../shared/k8s-openapi into the
compact schema bundle chartproof compiles in (data/k8s-schemas.json). Run at development time:

    tools/gen-k8s-schemas.py ../shared/k8s-openapi data/k8s-schemas.json

The bundle holds, for every Kubernetes version, which definition each apiVersion/kind uses
(from x-kubernetes-group-version-kind) and the definitions themselves, converted to JSON Schema:
descriptions and x-kubernetes-* annotations dropped, `$ref`s kept, `required` kept,
IntOrString (`format: int-or-string`) as integer|string, Quantity as string|number, and
`additionalProperties: false` on every struct with properties (strict: unknown fields are errors)
but not on free-form objects (RawExtension, FieldsV1, JSON). Definitions identical across versions
are stored once. The lifecycle table's deprecations and removals come along.
"""
import csv
import gzip
import hashlib
import json
import os
import sys

QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"
# Request/response helpers that carry one GVK per group; not manifest kinds.
HELPERS = {"io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent",
           "io.k8s.apimachinery.pkg.apis.meta.v1.Status"}


def convert(schema):
    """One OpenAPI v2 schema as JSON Schema, recursively."""
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        return {"$ref": schema["$ref"]}  # a sibling description is dropped with the others
    out = {}
    if schema.get("format") == "int-or-string":
        out["type"] = ["integer", "string"]
    elif "type" in schema:
        out["type"] = schema["type"]
    if "enum" in schema:
        out["enum"] = schema["enum"]
    if "properties" in schema:
        out["properties"] = {name: convert(sub) for name, sub in schema["properties"].items()}
        if "additionalProperties" not in schema:
            out["additionalProperties"] = False
    if "additionalProperties" in schema:
        out["additionalProperties"] = convert(schema["additionalProperties"])
    if "items" in schema:
        out["items"] = convert(schema["items"])
    if schema.get("required"):
        out["required"] = list(schema["required"])
    return out


def convert_definition(name, schema):
    if name == QUANTITY:
        return {"type": ["string", "number"]}
    if name == INT_OR_STRING:
        return {"type": ["integer", "string"]}
    return convert(schema)


def api_version(gvk):
    return f"{gvk['group']}/{gvk['version']}" if gvk["group"] else gvk["version"]


def main(source, target):
    versions = sorted((d[1:] for d in os.listdir(source) if d.startswith("v1.")), key=lambda v: tuple(map(int, v.split("."))))
    schemas, schema_ids = [], {}
    definitions, kinds = {}, {}
    for version in versions:
        with gzip.open(os.path.join(source, f"v{version}", "swagger.json.gz"), "rt", encoding="utf-8") as f:
            spec = json.load(f)
        definitions[version], kinds[version] = {}, {}
        for name, schema in sorted(spec["definitions"].items()):
            converted = json.dumps(convert_definition(name, schema), sort_keys=True, separators=(",", ":"))
            if converted not in schema_ids:
                schema_ids[converted] = len(schemas)
                schemas.append(json.loads(converted))
            definitions[version][name] = schema_ids[converted]
            gvks = schema.get("x-kubernetes-group-version-kind", [])
            if name in HELPERS or len(gvks) != 1:
                continue
            kinds[version][f"{api_version(gvks[0])} {gvks[0]['kind']}"] = name
    lifecycle = []
    with open(os.path.join(source, "api-lifecycle.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["deprecated_in"] == "-" and row["removed_in"] == "-":
                continue
            lifecycle.append([row["api_version"], row["kind"], row["deprecated_in"], row["removed_in"], row["replacement"]])
    digest = hashlib.sha256()
    for version in versions:
        with open(os.path.join(source, f"v{version}", "swagger.json.gz"), "rb") as f:
            digest.update(f.read())
    bundle = {
        "source": "Kubernetes OpenAPI v2 specs (api/openapi-spec/swagger.json of kubernetes/kubernetes release-1.N, "
                  "via kubernetes-client/python) and api-lifecycle.tsv; Apache License 2.0, Copyright The Kubernetes "
                  "Authors. See data/k8s-schemas.NOTICE.",
        "generator": "tools/gen-k8s-schemas.py",
        "inputs_sha256": digest.hexdigest(),
        "versions": versions,
        "kinds": kinds,
        "definitions": definitions,
        "schemas": schemas,
        "lifecycle": lifecycle,
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(bundle, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")
    print(f"{target}: {len(versions)} versions, {len(schemas)} distinct definitions, "
          f"{sum(len(k) for k in kinds.values())} kinds, {len(lifecycle)} lifecycle rows, {os.path.getsize(target)} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: gen-k8s-schemas.py K8S_OPENAPI_DIR OUTPUT.json")
    main(sys.argv[1], sys.argv[2])
